package dev.shardbridge.emulator.operation.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.AttributeValueJson;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.ConsumedCapacity;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.KeyValidator;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.table.ItemKey;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableCatalog;
import dev.shardbridge.emulator.table.WriteOutcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem: up to 25 unconditional puts and deletes over one or more tables. The whole request is
 * validated before any write, so an invalid request changes nothing; each write is atomic on its own.
 */
public final class BatchWriteItem implements Operation {
    public static final int MAX_REQUESTS = 25;

    private final TableCatalog catalog;

    public BatchWriteItem(TableCatalog catalog) {
        this.catalog = catalog;
    }

    /** One validated put (item non-null) or delete (item null). */
    private record PendingWrite(Table table, ItemKey key, Map<String, AttributeValue> item) {
    }

    @Override
    public String name() {
        return "BatchWriteItem";
    }

    @Override
    public ObjectNode execute(Request request) {
        ObjectNode requestItems = request.object("RequestItems");
        new ConstraintViolations().notNull(requestItems, "requestItems").throwIfAny();
        int total = 0;
        for (JsonNode writes : requestItems) {
            total += writes.isArray() ? writes.size() : 0;
        }
        if (requestItems.isEmpty() || total > MAX_REQUESTS || total == 0) {
            new ConstraintViolations().add("{...}", "requestItems", "Map value must satisfy constraint: "
                    + "[Member must have length less than or equal to 25, Member must have length greater than or "
                    + "equal to 1]").throwIfAny();
        }
        List<PendingWrite> pending = parse(requestItems);

        Map<String, Double> capacity = new LinkedHashMap<>();
        for (PendingWrite write : pending) {
            WriteOutcome outcome = write.table().write(write.key(), current -> write.item());
            int bytes = Math.max(outcome.after() == null ? 0 : outcome.after().sizeBytes(),
                    outcome.before() == null ? 0 : outcome.before().sizeBytes());
            capacity.merge(write.table().name(), ConsumedCapacity.writeUnits(bytes), Double::sum);
        }
        ObjectNode response = Json.object();
        response.putObject("UnprocessedItems");
        ConsumedCapacity.addAll(response, request, capacity);
        return response;
    }

    private List<PendingWrite> parse(ObjectNode requestItems) {
        List<PendingWrite> pending = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
        while (tables.hasNext()) {
            Map.Entry<String, JsonNode> entry = tables.next();
            new ConstraintViolations().tableName(entry.getKey(), "requestItems.key").throwIfAny();
            JsonNode writes = Request.array(requestItems, entry.getKey());
            List<Map.Entry<Boolean, Map<String, AttributeValue>>> parsed = new ArrayList<>();
            for (JsonNode write : writes) {
                parsed.add(parseWrite(write));
            }
            Table table = catalog.require(entry.getKey());
            for (Map.Entry<Boolean, Map<String, AttributeValue>> write : parsed) {
                boolean isPut = write.getKey();
                Map<String, AttributeValue> attributes = write.getValue();
                if (isPut) {
                    KeyValidator.requireItem(table.keySchema(), attributes);
                } else {
                    KeyValidator.requireKey(table.keySchema(), attributes);
                }
                ItemKey key = table.keyOf(attributes);
                if (!seen.add(List.of(table.name(), key))) {
                    throw DynamoDbException.validation("Provided list of item keys contains duplicates");
                }
                pending.add(new PendingWrite(table, key, isPut ? attributes : null));
            }
        }
        return pending;
    }

    /** Parses one WriteRequest: exactly one of PutRequest{Item} or DeleteRequest{Key}. */
    private static Map.Entry<Boolean, Map<String, AttributeValue>> parseWrite(JsonNode write) {
        if (!write.isObject()) {
            throw AttributeValueJson.mismatch(write, "WriteRequest");
        }
        ObjectNode put = Request.object(write, "PutRequest");
        ObjectNode delete = Request.object(write, "DeleteRequest");
        if ((put == null) == (delete == null)) {
            // AWS reports a WriteRequest with neither or both members in its words for AttributeValue unions.
            throw DynamoDbException.validation("Supplied AttributeValue has more than one datatypes set, "
                    + "must contain exactly one of the supported datatypes");
        }
        if (put != null) {
            ObjectNode item = Request.object(put, "Item");
            new ConstraintViolations().notNull(item, "requestItems.member.putRequest.item").throwIfAny();
            return Map.entry(true, AttributeValueJson.readItem(item));
        }
        ObjectNode key = Request.object(delete, "Key");
        new ConstraintViolations().notNull(key, "requestItems.member.deleteRequest.key").throwIfAny();
        return Map.entry(false, AttributeValueJson.readItem(key));
    }
}
