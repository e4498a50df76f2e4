package dev.shardbridge.emulator.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.operation.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Holds back a share of a BatchWriteItem's writes, as DynamoDB does under load: they are taken out of
 * the request before it runs and handed back in {@code UnprocessedItems}, so a client's retry loop has
 * to send them again. Only well-formed requests are touched, so that a request DynamoDB would reject
 * is still rejected, with the operation's own error.
 */
final class UnprocessedWrites {
    private static final String REQUEST_ITEMS = "RequestItems";
    private static final String UNPROCESSED_ITEMS = "UnprocessedItems";
    private static final int MAX_WRITES = 25;

    private UnprocessedWrites() {
    }

    /**
     * Removes the writes the rules pick from {@code body}; returns them shaped as
     * {@code UnprocessedItems}, or null when none was picked.
     */
    static ObjectNode holdBack(ObjectNode body, List<ActiveFault> rules) {
        if (!wellFormed(body.get(REQUEST_ITEMS))) {
            return null;
        }
        ObjectNode requestItems = (ObjectNode) body.get(REQUEST_ITEMS);
        ObjectNode heldBack = Json.object();
        for (Map.Entry<String, JsonNode> entry : new ArrayList<>(requestItems.properties())) {
            String table = entry.getKey();
            ArrayNode kept = Json.NODES.arrayNode();
            ArrayNode held = Json.NODES.arrayNode();
            for (JsonNode write : entry.getValue()) {
                (picked(table, rules) ? held : kept).add(write);
            }
            if (held.isEmpty()) {
                continue;
            }
            heldBack.set(table, held);
            if (kept.isEmpty()) {
                // An empty list would be a request AWS rejects; the table simply drops out instead.
                requestItems.remove(table);
            } else {
                requestItems.set(table, kept);
            }
        }
        return heldBack.isEmpty() ? null : heldBack;
    }

    /** True when every write was held back, so there is nothing left to run. */
    static boolean nothingLeft(ObjectNode body) {
        return body.get(REQUEST_ITEMS).isEmpty();
    }

    /** The answer to a request whose writes were all held back. */
    static ObjectNode answerWithAllHeldBack(ObjectNode heldBack) {
        ObjectNode response = Json.object();
        response.set(UNPROCESSED_ITEMS, heldBack);
        return response;
    }

    /** Adds held-back writes to a BatchWriteItem response, beside any the operation left unprocessed. */
    static void addTo(ObjectNode response, ObjectNode heldBack) {
        JsonNode existing = response.get(UNPROCESSED_ITEMS);
        ObjectNode unprocessed = existing instanceof ObjectNode object ? object : response.putObject(UNPROCESSED_ITEMS);
        for (Map.Entry<String, JsonNode> entry : heldBack.properties()) {
            JsonNode tableWrites = unprocessed.get(entry.getKey());
            ArrayNode writes = tableWrites instanceof ArrayNode array ? array : unprocessed.putArray(entry.getKey());
            writes.addAll((ArrayNode) entry.getValue());
        }
    }

    private static boolean picked(String table, List<ActiveFault> rules) {
        for (ActiveFault rule : rules) {
            if (rule.appliesToTable(table) && rule.fires()) {
                return true;
            }
        }
        return false;
    }

    private static boolean wellFormed(JsonNode requestItems) {
        if (requestItems == null || !requestItems.isObject() || requestItems.isEmpty()) {
            return false;
        }
        int writes = 0;
        for (JsonNode tableWrites : requestItems) {
            if (!tableWrites.isArray() || tableWrites.isEmpty()) {
                return false;
            }
            for (JsonNode write : tableWrites) {
                if (!write.isObject()) {
                    return false;
                }
                writes++;
            }
        }
        return writes <= MAX_WRITES;
    }
}
