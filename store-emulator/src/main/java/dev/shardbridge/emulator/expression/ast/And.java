package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/** {@code left AND right}. */
public record And(Condition left, Condition right) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        return left.test(item) && right.test(item);
    }
}
