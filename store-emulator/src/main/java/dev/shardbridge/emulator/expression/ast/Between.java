package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.ScalarOrder;
import java.util.Map;

/** {@code value BETWEEN lower AND upper}, bounds inclusive; all three must be of one scalar type. */
public record Between(Operand value, Operand lower, Operand upper) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        AttributeValue v = value.evaluate(item);
        AttributeValue low = lower.evaluate(item);
        AttributeValue high = upper.evaluate(item);
        if (v == null || low == null || high == null
                || !ScalarOrder.comparable(v, low) || !ScalarOrder.comparable(v, high)) {
            return false;
        }
        return ScalarOrder.compare(low, v) <= 0 && ScalarOrder.compare(v, high) <= 0;
    }
}
