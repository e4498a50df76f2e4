package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/** {@code attribute_exists(path)} when {@code expected}, {@code attribute_not_exists(path)} otherwise. */
public record AttributeExists(PathOperand path, boolean expected) implements Condition {

    /** The function's name as written, for messages that name it. */
    public String functionName() {
        return expected ? "attribute_exists" : "attribute_not_exists";
    }

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        return (path.evaluate(item) != null) == expected;
    }
}
