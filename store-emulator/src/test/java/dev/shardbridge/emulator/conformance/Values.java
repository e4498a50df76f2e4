package dev.shardbridge.emulator.conformance;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short names for SDK attribute values, so items in tests read like the JSON they become. */
public final class Values {

    private Values() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue b(byte... value) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    public static AttributeValue nul() {
        return AttributeValue.fromNul(true);
    }

    public static AttributeValue ss(String... values) {
        return AttributeValue.fromSs(List.of(values));
    }

    public static AttributeValue ns(String... values) {
        return AttributeValue.fromNs(List.of(values));
    }

    public static AttributeValue bs(byte[]... values) {
        return AttributeValue.fromBs(Arrays.stream(values).map(SdkBytes::fromByteArray).toList());
    }

    public static AttributeValue l(AttributeValue... values) {
        return AttributeValue.fromL(List.of(values));
    }

    public static AttributeValue m(Map<String, AttributeValue> value) {
        return AttributeValue.fromM(value);
    }

    /**
     * A copy with the members of every set sorted, nested ones included: sets have no order, so items
     * holding sets are compared in this form.
     */
    public static Map<String, AttributeValue> sortedSets(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> copy = new LinkedHashMap<>();
        item.forEach((name, value) -> copy.put(name, sortedSets(value)));
        return copy;
    }

    private static AttributeValue sortedSets(AttributeValue value) {
        if (value.hasSs()) {
            return AttributeValue.fromSs(value.ss().stream().sorted().toList());
        }
        if (value.hasNs()) {
            return AttributeValue.fromNs(value.ns().stream().sorted().toList());
        }
        if (value.hasBs()) {
            return AttributeValue.fromBs(value.bs().stream()
                    .sorted((x, y) -> Arrays.compareUnsigned(x.asByteArray(), y.asByteArray())).toList());
        }
        if (value.hasM()) {
            return AttributeValue.fromM(sortedSets(value.m()));
        }
        if (value.hasL()) {
            return AttributeValue.fromL(value.l().stream().map(Values::sortedSets).toList());
        }
        return value;
    }

    /** A map from alternating names and values: {@code item("pk", s("a"), "n", n(1))}. */
    public static Map<String, AttributeValue> item(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return item;
    }
}
