package dev.shardbridge.emulator.operation.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.expression.ExpressionAttributes;
import dev.shardbridge.emulator.expression.KeyCondition;
import dev.shardbridge.emulator.expression.SortKeyCondition;
import dev.shardbridge.emulator.model.KeySchema;
import dev.shardbridge.emulator.model.ScalarOrder;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.table.ItemKey;
import dev.shardbridge.emulator.table.StoredItem;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableCatalog;
import java.util.NavigableMap;
import java.util.function.Predicate;

/** Query: the items of one partition key, in sort key order (or reversed), within a sort key range. */
public final class Query implements Operation {
    private final TableCatalog catalog;

    public Query(TableCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "Query";
    }

    @Override
    public ObjectNode execute(Request request) {
        String tableName = request.string("TableName");
        new ConstraintViolations().tableName(tableName, "tableName").throwIfAny();
        String keyConditionText = request.string("KeyConditionExpression");
        if (keyConditionText == null) {
            throw DynamoDbException.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        boolean forward = !Boolean.FALSE.equals(request.bool("ScanIndexForward"));
        ExpressionAttributes attributes = request.expressionAttributes();
        ReadOptions options = ReadOptions.parse(request, attributes);
        Table table = catalog.require(tableName);
        KeySchema schema = table.keySchema();
        KeyCondition keyCondition = KeyCondition.parse(keyConditionText, attributes, schema);
        attributes.requireAllUsed();
        options.validateStartKey(table);

        NavigableMap<ItemKey, StoredItem> partition = table.items().subMap(
                ItemKey.firstOf(keyCondition.partitionValue()), true,
                ItemKey.lastOf(keyCondition.partitionValue()), true);
        if (!forward) {
            partition = partition.descendingMap();
        }
        if (options.exclusiveStartKey() != null) {
            ItemKey start = table.keyOf(options.exclusiveStartKey());
            if (!ScalarOrder.comparable(start.partition(), keyCondition.partitionValue())
                    || ScalarOrder.compare(start.partition(), keyCondition.partitionValue()) != 0) {
                throw DynamoDbException.validation("The provided starting key is invalid: "
                        + "The provided key element does not match the schema");
            }
            partition = partition.tailMap(start, false);
        }
        SortKeyCondition sortCondition = keyCondition.sortCondition();
        Predicate<StoredItem> inRange = sortCondition == null ? item -> true
                : item -> sortCondition.matches(item.attributes().get(schema.sortKey()));
        return PageReader.read(skipBefore(partition, inRange).entrySet().iterator(), inRange, options, schema,
                tableName, request);
    }

    /**
     * Positions the read at the first item in range: items meeting a sort key condition form one
     * contiguous run in sort order, so everything before the run is skipped without being read.
     */
    private static NavigableMap<ItemKey, StoredItem> skipBefore(NavigableMap<ItemKey, StoredItem> partition,
                                                               Predicate<StoredItem> inRange) {
        for (var entry : partition.entrySet()) {
            if (inRange.test(entry.getValue())) {
                return partition.tailMap(entry.getKey(), true);
            }
        }
        return partition; // nothing in range: the read stops at the first item it looks at
    }
}
