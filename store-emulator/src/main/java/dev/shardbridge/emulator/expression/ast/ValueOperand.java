package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/**
 * An {@code :placeholder} resolved to its value. The value is null only while an expression with an
 * undefined placeholder is being checked; such an expression is rejected before it can run.
 */
public record ValueOperand(AttributeValue value) implements Operand {

    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
        return value;
    }

    @Override
    public AttributeType staticType() {
        return value == null ? null : value.type();
    }
}
