package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/** {@code if_not_exists(path, fallback)}: the value at the path, or the fallback when there is none. */
public record IfNotExistsOperand(PathOperand path, Operand fallback) implements Operand {

    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
        AttributeValue existing = path.evaluate(item);
        return existing != null ? existing : fallback.evaluate(item);
    }

    /** AWS types it by its fallback, so {@code if_not_exists(a, :s) + :n} with a string fallback is rejected. */
    @Override
    public AttributeType staticType() {
        return fallback.staticType();
    }
}
