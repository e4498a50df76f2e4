package dev.shardbridge.emulator.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reduces an answer to what two faithful DynamoDB implementations must agree on. Dropped: timestamps,
 * ARNs, ids and stream labels (minted per server), table sizes (an estimate on AWS), capacity numbers
 * (ConsumedCapacity keeps only its table name). Errors keep the error code (after the {@code #}) and the
 * message, whichever case the server spelt the message member in. Set members are sorted (sets have no
 * order); object members are sorted so the canonical text is stable.
 */
final class ResponseNormaliser {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> VOLATILE = Set.of("CreationDateTime", "TableArn", "TableId", "LatestStreamArn",
            "LatestStreamLabel", "TableSizeBytes", "LastIncreaseDateTime", "LastDecreaseDateTime",
            "LastUpdateToPayPerRequestDateTime");
    private static final Set<String> SETS = Set.of("SS", "NS", "BS");

    private ResponseNormaliser() {
    }

    /**
     * @param unordered whether the order of returned items carries no meaning (a Scan, a BatchGetItem):
     *                  then {@code Items} and each table's {@code Responses} are sorted too
     */
    static ObjectNode normalise(JsonApiClient.Answer answer, boolean unordered) {
        if (answer.isError()) {
            ObjectNode error = NODES.objectNode();
            String type = answer.body().path("__type").asText();
            error.put("__type", type.substring(type.indexOf('#') + 1));
            JsonNode message = answer.body().has("message") ? answer.body().get("message")
                    : answer.body().get("Message");
            if (message != null) {
                error.set("message", message);
            }
            if (answer.body().has("Item")) {
                error.set("Item", answer.body().get("Item"));
            }
            return (ObjectNode) canonical(error);
        }
        ObjectNode body = (ObjectNode) canonical(answer.body());
        if (body.has("ConsumedCapacity")) {
            body.set("ConsumedCapacity", tableNamesOf(body.get("ConsumedCapacity")));
        }
        if (unordered) {
            sortArray(body.get("Items"));
            body.path("Responses").forEach(ResponseNormaliser::sortArray);
        }
        return body;
    }

    /** A copy with volatile members dropped, object members sorted by name and set members sorted. */
    static JsonNode canonical(JsonNode node) {
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(canonical(element)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        TreeMap<String, JsonNode> members = new TreeMap<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!VOLATILE.contains(name)) {
                members.put(name, canonical(node.get(name)));
            }
        }
        ObjectNode copy = NODES.objectNode();
        members.forEach(copy::set);
        if (copy.size() == 1 && SETS.contains(copy.fieldNames().next())) {
            sortArray(copy.elements().next());
        }
        return copy;
    }

    private static JsonNode tableNamesOf(JsonNode capacity) {
        if (capacity.isArray()) {
            ArrayNode names = NODES.arrayNode();
            capacity.forEach(entry -> names.add(tableNamesOf(entry)));
            sortArray(names);
            return names;
        }
        return NODES.objectNode().set("TableName", capacity.path("TableName"));
    }

    private static void sortArray(JsonNode node) {
        if (node == null || !node.isArray()) {
            return;
        }
        ArrayNode array = (ArrayNode) node;
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        elements.sort(Comparator.comparing(JsonNode::toString));
        array.removeAll();
        array.addAll(elements);
    }
}
