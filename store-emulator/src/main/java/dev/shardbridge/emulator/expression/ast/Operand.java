package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/**
 * A value-producing node of a parsed expression: a document path, an {@code :value}, or a function or
 * arithmetic over operands. Nodes evaluate themselves, so an expression is parsed once and then run per
 * item without any lookup or reflection.
 */
public sealed interface Operand permits PathOperand, ValueOperand, SizeOperand, IfNotExistsOperand,
        ListAppendOperand, ArithmeticOperand, InvalidOperand {

    /** The operand's value for {@code item}, or null when it refers to something the item does not have. */
    AttributeValue evaluate(Map<String, AttributeValue> item);

    /**
     * The type this operand has whatever the item, when that is known from the expression alone (a value,
     * or a function with a fixed result type); null otherwise. AWS rejects wrong types up front from it.
     */
    default AttributeType staticType() {
        return null;
    }
}
