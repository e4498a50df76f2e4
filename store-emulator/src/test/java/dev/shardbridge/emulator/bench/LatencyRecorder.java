package dev.shardbridge.emulator.bench;

import java.util.Arrays;

/** Request latencies of one benchmark thread; merged and summarised after the run. */
final class LatencyRecorder {
    private long[] nanos = new long[1 << 16];
    private int count;

    void record(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    int count() {
        return count;
    }

    /** Percentiles over all recorders, in milliseconds. */
    record Summary(int requests, double p50Millis, double p99Millis, double maxMillis) {
    }

    static Summary summarise(Iterable<LatencyRecorder> recorders) {
        int total = 0;
        for (LatencyRecorder recorder : recorders) {
            total += recorder.count;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyRecorder recorder : recorders) {
            System.arraycopy(recorder.nanos, 0, all, at, recorder.count);
            at += recorder.count;
        }
        Arrays.sort(all);
        if (total == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Summary(total, millis(all[(int) (total * 0.50)]), millis(all[Math.min(total - 1, (int) (total * 0.99))]),
                millis(all[total - 1]));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
