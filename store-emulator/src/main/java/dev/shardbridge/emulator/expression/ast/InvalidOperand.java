package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/**
 * Stands in for a function call that cannot be an operand (unknown, or misused) while the parser goes on
 * collecting problems; AWS reports problems in a fixed priority, not in the order met. An expression that
 * contains one is always rejected, so it is never evaluated.
 */
public record InvalidOperand(String function) implements Operand {

    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
        throw new IllegalStateException("a rejected expression was evaluated: " + function);
    }
}
