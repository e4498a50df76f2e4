package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.ScalarOrder;
import java.util.Map;

/**
 * {@code left <op> right}. Equality compares any two values by content; {@code <>} is its negation, so it
 * holds when an operand is missing. Ordering holds only between two present values of one scalar type.
 */
public record Comparison(Comparator comparator, Operand left, Operand right) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        AttributeValue a = left.evaluate(item);
        AttributeValue b = right.evaluate(item);
        if (comparator == Comparator.EQ) {
            return a != null && a.equals(b);
        }
        if (comparator == Comparator.NE) {
            return a == null || !a.equals(b);
        }
        return a != null && b != null && ScalarOrder.comparable(a, b) && comparator.accepts(ScalarOrder.compare(a, b));
    }
}
