package dev.shardbridge.emulator.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Item sizes as DynamoDB counts them toward the 400 KB item limit, the 1 MB page cap and capacity:
 * attribute names count, strings are UTF-8 bytes, numbers about one byte per two significant digits
 * plus one, lists and maps 3 bytes plus 1 byte per element.
 */
public final class ItemSize {
    /** The largest item DynamoDB stores, names included. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    public static int of(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += AttributeValue.StringValue.utf8Length(attribute.getKey()) + of(attribute.getValue());
        }
        return size;
    }

    public static int of(AttributeValue value) {
        // Java 17 has no pattern matching for switch, so dispatch on the type tag.
        return switch (value.type()) {
            case S -> ((AttributeValue.StringValue) value).utf8Length();
            case N -> numberSize(((AttributeValue.NumberValue) value).value());
            case B -> ((AttributeValue.BinaryValue) value).value().size();
            case BOOL, NULL -> 1;
            case M -> {
                Map<String, AttributeValue> map = ((AttributeValue.MapValue) value).value();
                yield 3 + map.size() + of(map);
            }
            case L -> {
                var list = ((AttributeValue.ListValue) value).value();
                int size = 3 + list.size();
                for (AttributeValue element : list) {
                    size += of(element);
                }
                yield size;
            }
            case SS -> {
                int size = 0;
                for (String s : ((AttributeValue.StringSetValue) value).value()) {
                    size += AttributeValue.StringValue.utf8Length(s);
                }
                yield size;
            }
            case NS -> {
                int size = 0;
                for (BigDecimal n : ((AttributeValue.NumberSetValue) value).value()) {
                    size += numberSize(n);
                }
                yield size;
            }
            case BS -> {
                int size = 0;
                for (ByteString b : ((AttributeValue.BinarySetValue) value).value()) {
                    size += b.size();
                }
                yield size;
            }
        };
    }

    /**
     * DynamoDB stores numbers as base-100 digits aligned on the decimal point plus an exponent byte (and
     * one more byte for negatives): {@code 0} takes 1 byte, {@code 17} 2, {@code 1.5} 3, {@code 123} 3.
     */
    static int numberSize(BigDecimal n) {
        if (n.signum() == 0) {
            return 1;
        }
        BigDecimal normalised = n.stripTrailingZeros();
        int lowestExponent = -normalised.scale();
        int highestExponent = normalised.precision() - normalised.scale() - 1;
        int pairs = Math.floorDiv(highestExponent, 2) - Math.floorDiv(lowestExponent, 2) + 1;
        return pairs + 1 + (n.signum() < 0 ? 1 : 0);
    }
}
