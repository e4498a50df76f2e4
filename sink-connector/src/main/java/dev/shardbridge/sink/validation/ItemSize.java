package dev.shardbridge.sink.validation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB counts it against the 400 KB limit: attribute names plus values, as
 * AWS documents it (strings and binaries by length, numbers by significant digits, one byte per
 * BOOL/NULL, three bytes of overhead per list or map plus one per element).
 *
 * <p>Checking before the write lets the sink send an oversized item to the DLQ with a precise
 * reason instead of spending a request to be told so.
 */
public final class ItemSize {

    /** DynamoDB's item size limit, including attribute names. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8Length(attribute.getKey()) + valueSize(attribute.getValue());
        }
        return size;
    }

    private static long valueSize(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8Length(value.s());
            case N -> numberSize(value.n());
            case B -> value.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case SS -> value.ss().stream().mapToLong(ItemSize::utf8Length).sum();
            case NS -> value.ns().stream().mapToLong(ItemSize::numberSize).sum();
            case BS -> value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            case L -> 3 + value.l().stream().mapToLong(element -> 1 + valueSize(element)).sum();
            case M -> 3 + value.m().entrySet().stream()
                    .mapToLong(e -> 1 + utf8Length(e.getKey()) + valueSize(e.getValue())).sum();
            case UNKNOWN_TO_SDK_VERSION -> 0;
        };
    }

    /** Numbers take one byte per two significant digits plus one. */
    private static long numberSize(String number) {
        int digits = new BigDecimal(number).stripTrailingZeros().unscaledValue().abs().toString().length();
        return (digits + 1) / 2 + 1;
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
