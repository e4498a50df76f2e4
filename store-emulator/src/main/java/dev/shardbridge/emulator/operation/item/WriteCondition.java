package dev.shardbridge.emulator.operation.item;

import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.expression.ConditionExpression;
import dev.shardbridge.emulator.expression.ExpressionAttributes;
import dev.shardbridge.emulator.expression.ExpressionKind;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.table.StoredItem;
import java.util.List;
import java.util.Map;

/**
 * The optional ConditionExpression of a write and what to return when it fails
 * ({@code ReturnValuesOnConditionCheckFailure}). Checked inside the item's lock.
 */
record WriteCondition(ConditionExpression expression, boolean returnItemOnFailure) {

    static WriteCondition parse(Request request, ExpressionAttributes attributes) {
        String text = request.string("ConditionExpression");
        String onFailure = request.string("ReturnValuesOnConditionCheckFailure");
        new ConstraintViolations().oneOf(onFailure, "returnValuesOnConditionCheckFailure", List.of("ALL_OLD", "NONE"))
                .throwIfAny();
        ConditionExpression expression = text == null ? null
                : ConditionExpression.parse(text, ExpressionKind.CONDITION, attributes);
        return new WriteCondition(expression, "ALL_OLD".equals(onFailure));
    }

    /** Throws ConditionalCheckFailedException unless the current item satisfies the condition. */
    void check(StoredItem current) {
        if (expression == null) {
            return;
        }
        Map<String, AttributeValue> attributes = current == null ? Map.of() : current.attributes();
        if (!expression.matches(attributes)) {
            throw DynamoDbException.conditionalCheckFailed(
                    returnItemOnFailure && current != null ? attributes : null);
        }
    }
}
