package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.expression.ExpressionErrors;
import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/** {@code left + right} or {@code left - right} in a SET action; both must be numbers. */
public record ArithmeticOperand(ArithmeticOperator operator, Operand left, Operand right) implements Operand {

    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
        AttributeValue.NumberValue a = numberOf(left.evaluate(item));
        AttributeValue.NumberValue b = numberOf(right.evaluate(item));
        return new AttributeValue.NumberValue(operator.apply(a.value(), b.value()));
    }

    private static AttributeValue.NumberValue numberOf(AttributeValue value) {
        if (value == null) {
            throw ExpressionErrors.missingAttribute();
        }
        if (!(value instanceof AttributeValue.NumberValue number)) {
            throw ExpressionErrors.incorrectOperandType();
        }
        return number;
    }

    @Override
    public AttributeType staticType() {
        return AttributeType.N;
    }
}
