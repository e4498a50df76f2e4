package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/** {@code NOT condition}; true where the condition is false, including for missing attributes. */
public record Not(Condition condition) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        return !condition.test(item);
    }
}
