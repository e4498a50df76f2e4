package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.AttributeValue;
import java.math.BigDecimal;
import java.util.Map;

/**
 * {@code size(operand)}: a string's length, a binary's byte count, or the number of elements of a set,
 * list or map. Numbers, booleans and nulls have no size, so comparisons against it are false.
 *
 * <p>String length is counted in UTF-16 code units, as DynamoDB Local counts it (and as AWS documents it,
 * "the length of the string"), not in UTF-8 bytes.
 */
public record SizeOperand(Operand operand) implements Operand {
    /** Sizes are compared on every filtered item; small ones are shared rather than allocated. */
    private static final AttributeValue.NumberValue[] SMALL_SIZES = new AttributeValue.NumberValue[256];

    static {
        for (int i = 0; i < SMALL_SIZES.length; i++) {
            SMALL_SIZES[i] = new AttributeValue.NumberValue(BigDecimal.valueOf(i));
        }
    }

    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
        AttributeValue value = operand.evaluate(item);
        if (value == null) {
            return null;
        }
        int size;
        switch (value.type()) {
            case S -> size = ((AttributeValue.StringValue) value).value().length();
            case B -> size = ((AttributeValue.BinaryValue) value).value().size();
            case SS -> size = ((AttributeValue.StringSetValue) value).value().size();
            case NS -> size = ((AttributeValue.NumberSetValue) value).value().size();
            case BS -> size = ((AttributeValue.BinarySetValue) value).value().size();
            case L -> size = ((AttributeValue.ListValue) value).value().size();
            case M -> size = ((AttributeValue.MapValue) value).value().size();
            default -> {
                return null;
            }
        }
        return size < SMALL_SIZES.length ? SMALL_SIZES[size] : new AttributeValue.NumberValue(BigDecimal.valueOf(size));
    }

    @Override
    public AttributeType staticType() {
        return AttributeType.N;
    }
}
