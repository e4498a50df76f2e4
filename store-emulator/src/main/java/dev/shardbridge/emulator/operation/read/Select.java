package dev.shardbridge.emulator.operation.read;

import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import java.util.List;

/** What Query and Scan return: items (all or projected attributes) or only the count. */
enum Select {
    ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES, SPECIFIC_ATTRIBUTES, COUNT;

    /** In the order AWS lists them in a constraint violation. */
    private static final List<String> NAMES =
            List.of("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES");

    /**
     * @param query whether the request is a Query: AWS wraps these messages in the "1 validation error
     *              detected: " envelope for Query and answers them bare for Scan
     */
    static Select parse(String text, boolean hasProjection, boolean query) {
        new ConstraintViolations().oneOf(text, "select", NAMES).throwIfAny();
        if (text == null) {
            return hasProjection ? SPECIFIC_ATTRIBUTES : ALL_ATTRIBUTES;
        }
        String prefix = query ? "1 validation error detected: " : "";
        Select select = valueOf(text);
        if (select == ALL_PROJECTED_ATTRIBUTES) {
            throw DynamoDbException.validation(
                    prefix + "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        if (select == SPECIFIC_ATTRIBUTES && !hasProjection) {
            throw DynamoDbException.validation(prefix + "Must specify the AttributesToGet or ProjectionExpression "
                    + "when choosing to get SPECIFIC_ATTRIBUTES");
        }
        if (hasProjection && select != SPECIFIC_ATTRIBUTES) {
            throw DynamoDbException.validation(prefix + "Cannot specify the ProjectionExpression when choosing to get "
                    + (select == COUNT ? "only the Count" : "ALL_ATTRIBUTES"));
        }
        return select;
    }
}
