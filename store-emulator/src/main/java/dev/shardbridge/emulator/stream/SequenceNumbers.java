package dev.shardbridge.emulator.stream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Allocates stream sequence numbers: one counter for the whole emulator, so numbers increase along
 * every shard lineage (a child is created after its parent's last record). Gaps between consecutive
 * numbers vary, as on AWS, so consumers cannot assume contiguity. Written as 21-digit strings.
 */
public final class SequenceNumbers {
    /** A leading digit that keeps every number at 21 digits without leading zeros. */
    private static final String PREFIX = "1";
    private static final long MAX = 99_999_999_999_999_999L;

    private final AtomicLong last;

    public SequenceNumbers(long lastAllocated) {
        this.last = new AtomicLong(lastAllocated);
    }

    /** The next number, skipping a gap of 1..16 derived from {@code salt} (e.g. the record size). */
    public long next(int salt) {
        long allocated = last.addAndGet(1 + Math.floorMod(salt * 31 + 7, 16));
        if (allocated > MAX) {
            throw new IllegalStateException("sequence numbers exhausted");
        }
        return allocated;
    }

    public long lastAllocated() {
        return last.get();
    }

    /** Makes sure later numbers are above {@code allocated} (used when replaying a log). */
    public void observe(long allocated) {
        last.accumulateAndGet(allocated, Math::max);
    }

    public static String format(long sequence) {
        return PREFIX + String.format("%020d", sequence);
    }

    /** Parses a number written by {@link #format}; anything else is not one of ours. */
    public static long parse(String text) {
        if (text == null || text.length() != 21 || !text.startsWith(PREFIX) || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException("not a sequence number: " + text);
        }
        return Long.parseLong(text.substring(1));
    }
}
