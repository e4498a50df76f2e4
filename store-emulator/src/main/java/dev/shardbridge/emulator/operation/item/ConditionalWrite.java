package dev.shardbridge.emulator.operation.item;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.expression.ExpressionAttributes;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.AttributeValueJson;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.ConsumedCapacity;
import dev.shardbridge.emulator.operation.ExpressionParameters;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.operation.ReturnValue;
import dev.shardbridge.emulator.table.ItemKey;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.WriteOutcome;
import java.util.Map;

/**
 * What PutItem and DeleteItem share: one table, one item (or key) member, an optional condition and
 * {@code ReturnValues} NONE or ALL_OLD.
 *
 * @param attributes the item (PutItem) or key (DeleteItem) as given
 */
record ConditionalWrite(String tableName, Map<String, AttributeValue> attributes, ReturnValue returnValue,
                        WriteCondition condition) {

    /** Parses the shared parameters; {@code member} is {@code Item} or {@code Key}. */
    static ConditionalWrite parse(Request request, String member) {
        String tableName = request.string("TableName");
        Map<String, AttributeValue> attributes = request.item(member);
        new ConstraintViolations().tableName(tableName, "tableName")
                .notNull(attributes, Character.toLowerCase(member.charAt(0)) + member.substring(1)).throwIfAny();
        ReturnValue returnValue = ReturnValue.parse(request.string("ReturnValues"), true);
        ExpressionAttributes expressionAttributes =
                request.expressionAttributes(ExpressionParameters.PUT_OR_DELETE_ITEM);
        WriteCondition condition = WriteCondition.parse(request, expressionAttributes);
        expressionAttributes.requireAllUsed();
        return new ConditionalWrite(tableName, attributes, returnValue, condition);
    }

    /** Writes {@code newItem} (null deletes) if the condition holds, atomically for the item. */
    WriteOutcome apply(Table table, ItemKey key, Map<String, AttributeValue> newItem) {
        return table.write(key, current -> {
            condition.check(current);
            return newItem;
        });
    }

    /** The response: the old item when ALL_OLD was asked for, and capacity for the larger image. */
    ObjectNode response(Request request, WriteOutcome outcome) {
        ObjectNode response = Json.object();
        if (returnValue == ReturnValue.ALL_OLD && outcome.before() != null) {
            response.set("Attributes", AttributeValueJson.writeItem(outcome.before().attributes()));
        }
        int bytes = Math.max(outcome.after() == null ? 0 : outcome.after().sizeBytes(),
                outcome.before() == null ? 0 : outcome.before().sizeBytes());
        ConsumedCapacity.addTo(response, request, tableName, ConsumedCapacity.writeUnits(bytes));
        return response;
    }
}
