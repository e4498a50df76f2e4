package dev.shardbridge.emulator.operation.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.expression.ExpressionAttributes;
import dev.shardbridge.emulator.expression.KeyCondition;
import dev.shardbridge.emulator.expression.SortKeyCondition;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.KeySchema;
import dev.shardbridge.emulator.model.ScalarOrder;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.ExpressionParameters;
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
        ExpressionAttributes attributes = request.expressionAttributes(ExpressionParameters.QUERY);
        String keyConditionText = request.string("KeyConditionExpression");
        if (keyConditionText == null) {
            throw DynamoDbException.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        boolean forward = !Boolean.FALSE.equals(request.bool("ScanIndexForward"));
        ReadOptions options = ReadOptions.parse(request, attributes, true);
        Table table = catalog.require(tableName);
        KeySchema schema = table.keySchema();
        KeyCondition keyCondition = KeyCondition.parse(keyConditionText, attributes, schema);
        attributes.requireAllUsed();
        if (options.filter() != null) {
            FilterKeyCheck.rejectKeyAttributes(options.filter(), schema);
        }
        options.validateStartKey(table);

        NavigableMap<ItemKey, StoredItem> partition = sortKeyRange(table, keyCondition);
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
        // The bounds narrow the read to the condition's range; begins_with has no upper bound, but its
        // matches form one contiguous run, so the first miss ends the read.
        Predicate<StoredItem> inRange = sortCondition == null ? item -> true
                : item -> sortCondition.matches(item.attributes().get(schema.sortKey()));
        return PageReader.read(partition.entrySet().iterator(), inRange, options, schema, tableName, request);
    }

    /** The items of one partition key whose sort keys lie within the condition's bounds. */
    private static NavigableMap<ItemKey, StoredItem> sortKeyRange(Table table, KeyCondition keyCondition) {
        AttributeValue partition = keyCondition.partitionValue();
        SortKeyCondition sortCondition = keyCondition.sortCondition();
        SortKeyCondition.Bound lower = sortCondition == null ? null : sortCondition.lowerBound();
        SortKeyCondition.Bound upper = sortCondition == null ? null : sortCondition.upperBound();
        if (sortCondition != null && sortCondition.operator() == SortKeyCondition.Operator.BEGINS_WITH) {
            // Bounded above too, so that a reversed read starts at the last key with the prefix.
            AttributeValue successor = PrefixSuccessor.of(sortCondition.first());
            upper = successor == null ? null : new SortKeyCondition.Bound(successor, false);
        }
        return table.items().subMap(
                lower == null ? ItemKey.firstOf(partition) : ItemKey.of(partition, lower.value()),
                lower == null || lower.inclusive(),
                upper == null ? ItemKey.lastOf(partition) : ItemKey.of(partition, upper.value()),
                upper == null || upper.inclusive());
    }
}
