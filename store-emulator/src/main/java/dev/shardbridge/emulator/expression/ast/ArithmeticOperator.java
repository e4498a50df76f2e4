package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.expression.ExpressionErrors;
import dev.shardbridge.emulator.model.DynamoNumber;
import java.math.BigDecimal;

/** The arithmetic of update expressions ({@code SET a = b + :n}, and {@code ADD} on numbers). */
public enum ArithmeticOperator {
    PLUS("+"),
    MINUS("-");

    private final String symbol;

    ArithmeticOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /**
     * The exact result, validated as a stored number. DynamoDB computes exactly and refuses results that
     * need more than 38 digits, with a message of its own; range errors are the ordinary number ones.
     */
    public BigDecimal apply(BigDecimal left, BigDecimal right) {
        BigDecimal exact = this == PLUS ? left.add(right) : left.subtract(right);
        BigDecimal normalised = DynamoNumber.normalise(exact);
        if (normalised.signum() != 0 && normalised.precision() > DynamoNumber.MAX_SIGNIFICANT_DIGITS) {
            throw ExpressionErrors.arithmeticPrecision();
        }
        return DynamoNumber.validate(normalised);
    }
}
