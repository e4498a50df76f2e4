package dev.shardbridge.source.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies in whole milliseconds (the items carry millisecond write times), summarised by exact percentiles. */
final class LatencySample {

    private long[] values = new long[1024];
    private int size;

    void add(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    int size() {
        return size;
    }

    /** Nearest-rank percentile, {@code p} in (0, 100]. */
    long percentile(double p) {
        if (size == 0) {
            throw new IllegalStateException("no latencies recorded");
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, rank - 1)];
    }

    String describe() {
        return String.format(Locale.ROOT, "p50 %d ms, p95 %d ms, **p99 %d ms**, max %d ms (%,d records)",
                percentile(50), percentile(95), percentile(99), percentile(100), size);
    }
}
