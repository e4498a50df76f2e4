package dev.shardbridge.emulator.expression;

import dev.shardbridge.emulator.expression.parse.ConditionParser;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.KeySchema;

/**
 * A parsed KeyConditionExpression: equality on the partition key and an optional condition on the sort
 * key.
 *
 * @param partitionValue the partition key value
 * @param sortCondition  the sort key condition, or null when the expression has none
 */
public record KeyCondition(AttributeValue partitionValue, SortKeyCondition sortCondition) {

    /**
     * Parses and validates against the table's key schema (AWS's messages for a missing partition key,
     * a non-key attribute, a wrong operand type and so on).
     */
    public static KeyCondition parse(String text, ExpressionAttributes attributes, KeySchema keySchema) {
        return new KeyConditionAnalyzer(keySchema)
                .analyze(ConditionParser.parse(text, ExpressionKind.KEY_CONDITION, attributes));
    }
}
