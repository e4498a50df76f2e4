package dev.shardbridge.emulator.operation.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.expression.ExpressionAttributes;
import dev.shardbridge.emulator.expression.ProjectionExpression;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.AttributeValueJson;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.ConsumedCapacity;
import dev.shardbridge.emulator.operation.ExpressionParameters;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.KeyValidator;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.table.ItemKey;
import dev.shardbridge.emulator.table.StoredItem;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem: up to 100 keys over one or more tables. A response holds at most 16 MB of items; keys
 * beyond that come back in {@code UnprocessedKeys}, as on AWS.
 */
public final class BatchGetItem implements Operation {
    public static final int MAX_KEYS = 100;
    static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private final TableCatalog catalog;

    public BatchGetItem(TableCatalog catalog) {
        this.catalog = catalog;
    }

    /** One table's part of the request, validated. */
    private record TableRead(Table table, ObjectNode original, List<Map<String, AttributeValue>> keys,
                             ProjectionExpression projection, boolean consistent) {
    }

    @Override
    public String name() {
        return "BatchGetItem";
    }

    @Override
    public ObjectNode execute(Request request) {
        ObjectNode requestItems = request.object("RequestItems");
        new ConstraintViolations().notNull(requestItems, "requestItems").throwIfAny();
        if (requestItems.isEmpty()) {
            new ConstraintViolations().add("{}", "requestItems", "Member must have length greater than or equal to 1")
                    .throwIfAny();
        }
        List<TableRead> reads = parse(requestItems);

        ObjectNode response = Json.object();
        ObjectNode responses = response.putObject("Responses");
        ObjectNode unprocessed = response.putObject("UnprocessedKeys");
        Map<String, Double> capacity = new LinkedHashMap<>();
        long responseBytes = 0;
        boolean full = false;
        for (TableRead read : reads) {
            ArrayNode items = responses.putArray(read.table().name());
            long tableBytes = 0;
            List<Map<String, AttributeValue>> deferred = new ArrayList<>();
            for (Map<String, AttributeValue> key : read.keys()) {
                if (full) {
                    deferred.add(key);
                    continue;
                }
                StoredItem item = read.table().get(read.table().keyOf(key));
                if (item != null && responseBytes + item.sizeBytes() > MAX_RESPONSE_BYTES) {
                    // The response stays within 16 MB: this key and every later one are left for the next call.
                    full = true;
                    deferred.add(key);
                    continue;
                }
                if (item != null) {
                    responseBytes += item.sizeBytes();
                    tableBytes += item.sizeBytes();
                    items.add(AttributeValueJson.writeItem(read.projection() == null ? item.attributes()
                            : read.projection().apply(item.attributes())));
                }
            }
            if (!deferred.isEmpty()) {
                ObjectNode rest = read.original().deepCopy();
                ArrayNode keys = rest.putArray("Keys");
                deferred.forEach(k -> keys.add(AttributeValueJson.writeItem(k)));
                unprocessed.set(read.table().name(), rest);
            }
            capacity.put(read.table().name(), ConsumedCapacity.readUnits(tableBytes, read.consistent()));
        }
        ConsumedCapacity.addAll(response, request, capacity);
        return response;
    }

    private List<TableRead> parse(ObjectNode requestItems) {
        List<TableRead> reads = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        int total = 0;
        Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
        while (tables.hasNext()) {
            Map.Entry<String, JsonNode> entry = tables.next();
            new ConstraintViolations().tableName(entry.getKey(), "requestItems.key").throwIfAny();
            ObjectNode tableRequest = Request.object(requestItems, entry.getKey());
            Request keysAndAttributes = new Request(tableRequest);
            JsonNode keysNode = keysAndAttributes.array("Keys");
            ConstraintViolations keysViolations = new ConstraintViolations()
                    .notNull(keysNode, "requestItems." + entry.getKey() + ".member.keys");
            if (keysNode != null && keysNode.isEmpty()) {
                keysViolations.add("[]", "requestItems." + entry.getKey() + ".member.keys",
                        "Member must have length greater than or equal to 1");
            }
            keysViolations.throwIfAny();
            total += keysNode.size();
            if (total > MAX_KEYS) {
                throw DynamoDbException.validation("Too many items requested for the BatchGetItem call");
            }
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (JsonNode key : keysNode) {
                keys.add(AttributeValueJson.readItem(key));
            }
            ExpressionAttributes attributes =
                    keysAndAttributes.expressionAttributes(ExpressionParameters.BATCH_GET_TABLE);
            String projectionText = keysAndAttributes.string("ProjectionExpression");
            ProjectionExpression projection = projectionText == null ? null
                    : ProjectionExpression.parse(projectionText, attributes);
            attributes.requireAllUsed();
            boolean consistent = Boolean.TRUE.equals(keysAndAttributes.bool("ConsistentRead"));

            Table table = catalog.require(entry.getKey());
            for (Map<String, AttributeValue> key : keys) {
                KeyValidator.requireKey(table.keySchema(), key);
                ItemKey itemKey = table.keyOf(key);
                if (!seen.add(List.of(table.name(), itemKey))) {
                    throw DynamoDbException.validation("Provided list of item keys contains duplicates");
                }
            }
            reads.add(new TableRead(table, tableRequest, keys, projection, consistent));
        }
        return reads;
    }
}
