package dev.shardbridge.emulator.expression.update;

import dev.shardbridge.emulator.expression.ExpressionErrors;
import dev.shardbridge.emulator.expression.ast.ArithmeticOperator;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.ByteString;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What ADD and DELETE do to an existing value: ADD adds to a number or unions a set of the same type;
 * DELETE takes elements out of a set of the same type. Any other pairing is AWS's "incorrect data type".
 */
final class AddAndDeleteActions {

    private AddAndDeleteActions() {
    }

    /** The result of {@code ADD}; {@code existing} null means the attribute is created with the operand. */
    static AttributeValue add(AttributeValue existing, AttributeValue operand) {
        if (existing == null) {
            return operand;
        }
        if (existing.type() != operand.type()) {
            throw ExpressionErrors.incorrectOperandType();
        }
        return switch (existing.type()) {
            case N -> new AttributeValue.NumberValue(ArithmeticOperator.PLUS.apply(
                    ((AttributeValue.NumberValue) existing).value(), ((AttributeValue.NumberValue) operand).value()));
            case SS -> new AttributeValue.StringSetValue(union(((AttributeValue.StringSetValue) existing).value(),
                    ((AttributeValue.StringSetValue) operand).value()));
            case NS -> new AttributeValue.NumberSetValue(union(((AttributeValue.NumberSetValue) existing).value(),
                    ((AttributeValue.NumberSetValue) operand).value()));
            case BS -> new AttributeValue.BinarySetValue(union(((AttributeValue.BinarySetValue) existing).value(),
                    ((AttributeValue.BinarySetValue) operand).value()));
            default -> throw ExpressionErrors.incorrectOperandType();
        };
    }

    /**
     * The result of {@code DELETE}: the remaining set, or null when nothing remains (DynamoDB has no empty
     * sets, so the attribute goes) or when there was nothing to delete from.
     */
    static AttributeValue delete(AttributeValue existing, AttributeValue operand) {
        if (existing == null) {
            return null;
        }
        if (existing.type() != operand.type()) {
            throw ExpressionErrors.incorrectOperandType();
        }
        switch (existing.type()) {
            case SS -> {
                Set<String> rest = difference(((AttributeValue.StringSetValue) existing).value(),
                        ((AttributeValue.StringSetValue) operand).value());
                return rest.isEmpty() ? null : new AttributeValue.StringSetValue(rest);
            }
            case NS -> {
                Set<BigDecimal> rest = difference(((AttributeValue.NumberSetValue) existing).value(),
                        ((AttributeValue.NumberSetValue) operand).value());
                return rest.isEmpty() ? null : new AttributeValue.NumberSetValue(rest);
            }
            case BS -> {
                Set<ByteString> rest = difference(((AttributeValue.BinarySetValue) existing).value(),
                        ((AttributeValue.BinarySetValue) operand).value());
                return rest.isEmpty() ? null : new AttributeValue.BinarySetValue(rest);
            }
            default -> throw ExpressionErrors.incorrectOperandType();
        }
    }

    private static <T> Set<T> union(Set<T> existing, Set<T> added) {
        Set<T> result = new LinkedHashSet<>(existing);
        result.addAll(added);
        return result;
    }

    private static <T> Set<T> difference(Set<T> existing, Set<T> removed) {
        Set<T> result = new LinkedHashSet<>(existing);
        result.removeAll(removed);
        return result;
    }
}
