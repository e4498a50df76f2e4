package dev.shardbridge.source.snapshot;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether a snapshot is expected to outlive the stream's retention, and the warning that says so. Checked
 * before the scan (from the rate cap, if any) and again once the measured rate is known. The task reads the
 * stream throughout the scan, so no change ages out while it runs; the warning is about what the long scan
 * risks: a task stopped for longer than the retention finds its stream position trimmed.
 */
final class RetentionEstimate {

    /** The measured rate is trusted after this much scanning. */
    static final Duration MEASURE_FOR = Duration.ofSeconds(10);

    private RetentionEstimate() {
    }

    /** Before the scan: the item count at the capped rate. */
    static Optional<String> beforeScan(String table, long itemCount, long maxItemsPerSecond, Duration retention) {
        if (itemCount <= 0 || maxItemsPerSecond <= 0) {
            return Optional.empty();
        }
        double seconds = (double) itemCount / maxItemsPerSecond;
        return exceeds(seconds, retention) ? Optional.of(message(table, itemCount, maxItemsPerSecond,
                "the rate cap snapshot.max.items.per.second", seconds, retention)) : Optional.empty();
    }

    /** During the scan: the items left at the measured rate. */
    static Optional<String> duringScan(String table, SnapshotStats stats, Duration retention) {
        if (stats.elapsedSeconds() < MEASURE_FOR.toSeconds()) {
            return Optional.empty();
        }
        double seconds = stats.remainingSeconds();
        if (Double.isNaN(seconds) || !exceeds(seconds, retention)) {
            return Optional.empty();
        }
        long remaining = Math.max(0, stats.itemCount() - stats.itemsScanned());
        return Optional.of(message(table, remaining, stats.itemsPerSecond(), "the measured scan rate", seconds,
                retention));
    }

    private static boolean exceeds(double seconds, Duration retention) {
        return seconds * 1000 > retention.toMillis();
    }

    private static String message(String table, long items, double rate, String rateSource, double seconds,
                                  Duration retention) {
        return String.format("Snapshot of %s: about %,d items to scan at %,.0f items/s (%s) takes about %.1f h,"
                        + " longer than the stream's retention of %.1f h (stream.retention.ms). The stream is read"
                        + " throughout the scan, so no change is lost while this task runs; but if it stops for"
                        + " longer than the retention, stream positions are trimmed. Raise"
                        + " snapshot.max.items.per.second or snapshot.segments to finish sooner.",
                table, items, rate, rateSource, seconds / 3600, retention.toMillis() / 3_600_000.0);
    }
}
