package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.expression.ExpressionErrors;
import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code list_append(first, second)}: a new list with the elements of both, first's elements first. */
public record ListAppendOperand(Operand first, Operand second) implements Operand {

    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
        List<AttributeValue> head = listOf(first.evaluate(item));
        List<AttributeValue> tail = listOf(second.evaluate(item));
        List<AttributeValue> joined = new ArrayList<>(head.size() + tail.size());
        joined.addAll(head);
        joined.addAll(tail);
        return new AttributeValue.ListValue(joined);
    }

    private static List<AttributeValue> listOf(AttributeValue value) {
        if (value == null) {
            throw ExpressionErrors.missingAttribute();
        }
        if (!(value instanceof AttributeValue.ListValue list)) {
            throw ExpressionErrors.incorrectOperandType();
        }
        return list.value();
    }

    @Override
    public AttributeType staticType() {
        return AttributeType.L;
    }
}
