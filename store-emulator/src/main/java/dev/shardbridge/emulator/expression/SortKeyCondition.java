package dev.shardbridge.emulator.expression;

import dev.shardbridge.emulator.model.AttributeValue;

/**
 * A condition on the sort key: {@code =, <, <=, >, >=, BETWEEN, begins_with}.
 *
 * @param operator the comparison
 * @param first    the operand, or the lower bound of BETWEEN
 * @param second   the upper bound of BETWEEN, otherwise null
 */
public record SortKeyCondition(Operator operator, AttributeValue first, AttributeValue second) {

    public enum Operator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** Whether a sort key value satisfies the condition (values of another type never do). */
    public boolean matches(AttributeValue sortKeyValue) {
        throw new UnsupportedOperationException("TODO");
    }
}
