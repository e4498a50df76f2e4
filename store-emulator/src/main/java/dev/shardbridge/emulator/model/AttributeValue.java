package dev.shardbridge.emulator.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DynamoDB attribute value: exactly one of the ten types. Values are immutable and compare by
 * content; numbers are held normalised, so equal numbers are equal values; sets compare as sets.
 */
public sealed interface AttributeValue {

    AttributeType type();

    /** String (S). */
    record StringValue(String value) implements AttributeValue {
        public AttributeType type() {
            return AttributeType.S;
        }

        /** Length in UTF-8 bytes, the measure DynamoDB uses for sizes and comparisons. */
        public int utf8Length() {
            return utf8Length(value);
        }

        static int utf8Length(String s) {
            int length = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    length += 1;
                } else if (c < 0x800) {
                    length += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1))) {
                    length += 4;
                    i++;
                } else {
                    length += 3;
                }
            }
            return length;
        }
    }

    /** Number (N), normalised (see {@link DynamoNumber}). */
    record NumberValue(BigDecimal value) implements AttributeValue {
        public NumberValue {
            value = DynamoNumber.normalise(value);
        }

        public static NumberValue parse(String text) {
            return new NumberValue(DynamoNumber.parse(text));
        }

        public AttributeType type() {
            return AttributeType.N;
        }

        /** The wire form. */
        public String text() {
            return DynamoNumber.format(value);
        }
    }

    /** Binary (B). */
    record BinaryValue(ByteString value) implements AttributeValue {
        public AttributeType type() {
            return AttributeType.B;
        }
    }

    /** Boolean (BOOL). */
    record BoolValue(boolean value) implements AttributeValue {
        public static final BoolValue TRUE = new BoolValue(true);
        public static final BoolValue FALSE = new BoolValue(false);

        public static BoolValue of(boolean value) {
            return value ? TRUE : FALSE;
        }

        public AttributeType type() {
            return AttributeType.BOOL;
        }
    }

    /** Null (NULL); DynamoDB only accepts {@code "NULL": true}. */
    record NullValue() implements AttributeValue {
        public static final NullValue INSTANCE = new NullValue();

        public AttributeType type() {
            return AttributeType.NULL;
        }
    }

    /** Map (M), keeping the order attributes were given in. */
    record MapValue(Map<String, AttributeValue> value) implements AttributeValue {
        public MapValue {
            value = Collections.unmodifiableMap(new LinkedHashMap<>(value));
        }

        public AttributeType type() {
            return AttributeType.M;
        }
    }

    /** List (L). */
    record ListValue(List<AttributeValue> value) implements AttributeValue {
        public ListValue {
            value = List.copyOf(value);
        }

        public AttributeType type() {
            return AttributeType.L;
        }
    }

    /** String set (SS); never empty, no duplicates. */
    record StringSetValue(Set<String> value) implements AttributeValue {
        public StringSetValue {
            value = Collections.unmodifiableSet(new LinkedHashSet<>(value));
        }

        public AttributeType type() {
            return AttributeType.SS;
        }
    }

    /** Number set (NS) of normalised numbers; never empty, no duplicates. */
    record NumberSetValue(Set<BigDecimal> value) implements AttributeValue {
        public NumberSetValue {
            LinkedHashSet<BigDecimal> normalised = new LinkedHashSet<>();
            for (BigDecimal n : value) {
                normalised.add(DynamoNumber.normalise(n));
            }
            value = Collections.unmodifiableSet(normalised);
        }

        public AttributeType type() {
            return AttributeType.NS;
        }
    }

    /** Binary set (BS); never empty, no duplicates. */
    record BinarySetValue(Set<ByteString> value) implements AttributeValue {
        public BinarySetValue {
            value = Collections.unmodifiableSet(new LinkedHashSet<>(value));
        }

        public AttributeType type() {
            return AttributeType.BS;
        }
    }

    static StringValue s(String value) {
        return new StringValue(value);
    }

    static NumberValue n(String text) {
        return NumberValue.parse(text);
    }

    static NumberValue n(long value) {
        return new NumberValue(BigDecimal.valueOf(value));
    }

    static BinaryValue b(byte[] value) {
        return new BinaryValue(ByteString.copyOf(value));
    }
}
