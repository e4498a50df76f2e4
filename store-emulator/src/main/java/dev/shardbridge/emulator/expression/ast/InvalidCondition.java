package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/**
 * Stands in for a function call that cannot be a condition (unknown, or misused, like a bare
 * {@code size(a)}) while the parser goes on collecting problems. Never evaluated: an expression that
 * contains one is rejected.
 */
public record InvalidCondition(String function) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        throw new IllegalStateException("a rejected expression was evaluated: " + function);
    }
}
