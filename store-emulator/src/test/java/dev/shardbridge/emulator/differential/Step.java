package dev.shardbridge.emulator.differential;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One request of a scenario, sent to both servers.
 *
 * @param line      where it is written, for failure messages
 * @param operation the DynamoDB operation, e.g. {@code PutItem}
 * @param mode      how to read the answer
 * @param request   the request body, exactly as sent
 * @param known     the documented difference this step shows, or null when both must answer the same
 */
record Step(String line, String operation, ReadMode mode, ObjectNode request, KnownDifference known) {

    /** How much of the answer carries meaning. */
    enum ReadMode {
        /** The answer as it is, item order included (Query, GetItem, errors). */
        EXACT,
        /** Item order carries no meaning (a Scan, a BatchGetItem). */
        UNORDERED,
        /** Follow LastEvaluatedKey to the end and compare all items, unordered, and the page count. */
        ALL_PAGES,
        /**
         * A parallel Scan: read every segment of {@code TotalSegments} to the end and compare the union.
         * Which item lands in which segment is each server's own hashing; that the segments together
         * hold every item exactly once is the contract.
         */
        ALL_SEGMENTS
    }

    Step withKnownDifference(KnownDifference difference) {
        return new Step(line, operation, mode, request, difference);
    }

    /** A short display name: operation and a prefix of the request. */
    String displayName() {
        String text = request.toString();
        return line + " " + operation + " " + (text.length() > 110 ? text.substring(0, 110) + "…" : text);
    }
}
