package dev.shardbridge.emulator.model;

import java.util.Arrays;
import java.util.Base64;

/**
 * An immutable byte sequence with value semantics, ordered as DynamoDB orders binary keys (unsigned,
 * byte by byte).
 */
public final class ByteString implements Comparable<ByteString> {
    private final byte[] bytes;

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ByteString copyOf(byte[] bytes) {
        return new ByteString(bytes.clone());
    }

    /** Wraps without copying; the caller hands over ownership of the array. */
    public static ByteString wrap(byte[] bytes) {
        return new ByteString(bytes);
    }

    public int size() {
        return bytes.length;
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public int compareTo(ByteString other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    /** Whether this sequence starts with the given prefix. */
    public boolean startsWith(ByteString prefix) {
        return bytes.length >= prefix.bytes.length
                && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
    }

    /** Whether the given sequence occurs anywhere within this one. */
    public boolean contains(ByteString part) {
        outer:
        for (int i = 0; i <= bytes.length - part.bytes.length; i++) {
            for (int j = 0; j < part.bytes.length; j++) {
                if (bytes[i + j] != part.bytes[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteString other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toBase64();
    }
}
