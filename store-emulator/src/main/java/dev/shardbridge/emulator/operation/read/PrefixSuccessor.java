package dev.shardbridge.emulator.operation.read;

import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.ByteString;
import java.util.Arrays;

/**
 * The least value greater than every value that starts with a prefix: the exclusive upper end of the
 * sort key range a {@code begins_with} condition selects, so a reversed Query can start at the last match
 * instead of walking down from the partition's greatest key.
 */
final class PrefixSuccessor {

    private PrefixSuccessor() {
    }

    /** The successor of a string or binary prefix, or null when no value is greater (the range is open). */
    static AttributeValue of(AttributeValue prefix) {
        return switch (prefix.type()) {
            case S -> ofString(((AttributeValue.StringValue) prefix).value());
            case B -> ofBinary(((AttributeValue.BinaryValue) prefix).value().toByteArray());
            default -> null;
        };
    }

    /** Strings order by code point (UTF-8 bytes): increment the last code point that can grow. */
    private static AttributeValue ofString(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        int length = codePoints.length;
        while (length > 0 && codePoints[length - 1] == Character.MAX_CODE_POINT) {
            length--;
        }
        if (length == 0) {
            return null;
        }
        int next = codePoints[length - 1] + 1;
        codePoints[length - 1] = next == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : next;
        return new AttributeValue.StringValue(new String(codePoints, 0, length));
    }

    /** Binaries order by unsigned bytes: increment the last byte below 0xFF and drop the ones after it. */
    private static AttributeValue ofBinary(byte[] prefix) {
        int length = prefix.length;
        while (length > 0 && prefix[length - 1] == (byte) 0xFF) {
            length--;
        }
        if (length == 0) {
            return null;
        }
        byte[] successor = Arrays.copyOf(prefix, length);
        successor[length - 1]++;
        return new AttributeValue.BinaryValue(ByteString.wrap(successor));
    }
}
