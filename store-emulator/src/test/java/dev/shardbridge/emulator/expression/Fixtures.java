package dev.shardbridge.emulator.expression;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.error.ErrorType;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.ByteString;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert;

/** Short builders for attribute values and items, and the assertion for AWS's validation errors. */
final class Fixtures {

    private Fixtures() {
    }

    static AttributeValue s(String value) {
        return new AttributeValue.StringValue(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.NumberValue.parse(value);
    }

    static AttributeValue n(long value) {
        return new AttributeValue.NumberValue(BigDecimal.valueOf(value));
    }

    static AttributeValue b(int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        return new AttributeValue.BinaryValue(ByteString.copyOf(raw));
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.BoolValue.of(value);
    }

    static AttributeValue nul() {
        return AttributeValue.NullValue.INSTANCE;
    }

    static AttributeValue l(AttributeValue... elements) {
        return new AttributeValue.ListValue(List.of(elements));
    }

    /** A map value from alternating keys and values. */
    static AttributeValue m(Object... keysAndValues) {
        return new AttributeValue.MapValue(item(keysAndValues));
    }

    static AttributeValue ss(String... values) {
        return new AttributeValue.StringSetValue(new LinkedHashSet<>(Arrays.asList(values)));
    }

    static AttributeValue ns(String... values) {
        return new AttributeValue.NumberSetValue(Arrays.stream(values).map(BigDecimal::new)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    static AttributeValue bs(ByteString... values) {
        return new AttributeValue.BinarySetValue(new LinkedHashSet<>(Arrays.asList(values)));
    }

    static ByteString bytes(int... bytes) {
        return ((AttributeValue.BinaryValue) b(bytes)).value();
    }

    /** An item from alternating attribute names and values. */
    static Map<String, AttributeValue> item(Object... namesAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return item;
    }

    static Map<String, String> names(String... placeholdersAndNames) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < placeholdersAndNames.length; i += 2) {
            names.put(placeholdersAndNames[i], placeholdersAndNames[i + 1]);
        }
        return names;
    }

    static ExpressionAttributes values(Object... placeholdersAndValues) {
        return new ExpressionAttributes(null, item(placeholdersAndValues));
    }

    static void assertRejected(ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(DynamoDbException.class)
                .hasMessage(message)
                .extracting(e -> ((DynamoDbException) e).type())
                .isEqualTo(ErrorType.VALIDATION);
    }
}
