package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/** {@code attribute_type(operand, :type)}: the operand is present and of the given type. */
public record AttributeTypeIs(Operand operand, AttributeType type) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        AttributeValue value = operand.evaluate(item);
        return value != null && value.type() == type;
    }
}
