package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** {@code value IN (a, b, ...)}: the value equals one of the candidates. */
public record In(Operand value, List<Operand> candidates) implements Condition {

    public In {
        candidates = List.copyOf(candidates);
    }

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        AttributeValue v = value.evaluate(item);
        if (v == null) {
            return false;
        }
        for (Operand candidate : candidates) {
            if (v.equals(candidate.evaluate(item))) {
                return true;
            }
        }
        return false;
    }
}
