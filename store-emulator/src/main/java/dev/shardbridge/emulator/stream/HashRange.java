package dev.shardbridge.emulator.stream;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A hash partition's slice of the unsigned 64-bit token space, both ends inclusive. Item tokens come
 * from {@code ItemKey}, so the partition of an item never changes unless its partition splits.
 */
public record HashRange(long first, long last) {
    private static final BigInteger TOKEN_SPACE = BigInteger.ONE.shiftLeft(64);

    public HashRange {
        if (Long.compareUnsigned(first, last) > 0) {
            throw new IllegalArgumentException("empty range " + Long.toUnsignedString(first) + ".."
                    + Long.toUnsignedString(last));
        }
    }

    /** The whole token space cut into {@code count} equal ranges, in token order. */
    public static List<HashRange> divide(int count) {
        List<HashRange> ranges = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long first = boundary(i, count);
            long last = i == count - 1 ? -1L : boundary(i + 1, count) - 1;
            ranges.add(new HashRange(first, last));
        }
        return ranges;
    }

    private static long boundary(int index, int count) {
        return TOKEN_SPACE.multiply(BigInteger.valueOf(index)).divide(BigInteger.valueOf(count)).longValue();
    }

    public boolean contains(long token) {
        return Long.compareUnsigned(token, first) >= 0 && Long.compareUnsigned(token, last) <= 0;
    }

    public boolean canSplit() {
        return first != last;
    }

    /** The two halves: {@code [first, mid]} and {@code [mid + 1, last]}. */
    public List<HashRange> halves() {
        if (!canSplit()) {
            throw new IllegalStateException("a single-token range cannot split");
        }
        long mid = first + ((last - first) >>> 1);
        return List.of(new HashRange(first, mid), new HashRange(mid + 1, last));
    }
}
