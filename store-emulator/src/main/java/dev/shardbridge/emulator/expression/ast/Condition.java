package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/**
 * A predicate node of a parsed condition, filter or key condition expression. Evaluation follows
 * DynamoDB: an operand the item lacks makes comparisons false, and values of different types are never
 * equal or ordered.
 */
public sealed interface Condition permits Comparison, Between, In, And, Or, Not, AttributeExists,
        AttributeTypeIs, BeginsWith, Contains, InvalidCondition {

    boolean test(Map<String, AttributeValue> item);
}
