package dev.shardbridge.source.snapshot;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionEstimateTest {

    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void aCappedScanThatCannotFinishWithinRetentionIsReportedBeforeItStarts() {
        // 100 million items at 1,000 items/s: about 27.8 hours.
        assertThat(RetentionEstimate.beforeScan("orders", 100_000_000, 1_000, DAY)).hasValueSatisfying(warning ->
                assertThat(warning).contains("Snapshot of orders", "100,000,000 items", "1,000 items/s",
                        "27.8 h", "retention of 24.0 h", "snapshot.max.items.per.second"));
    }

    @Test
    void nothingIsReportedWhenTheScanFitsOrTheSizeIsUnknown() {
        assertThat(RetentionEstimate.beforeScan("orders", 1_000_000, 1_000, DAY)).isEmpty();
        assertThat(RetentionEstimate.beforeScan("orders", 0, 1_000, DAY)).isEmpty();
        assertThat(RetentionEstimate.beforeScan("orders", 100_000_000, 0, DAY)).isEmpty();
    }

    @Test
    void theMeasuredRateIsUsedOnlyAfterMeasuringLongEnough() {
        SnapshotStats justStarted = new SnapshotStats(4, 0, 0, 1_000_000_000);
        justStarted.pageEmitted(10, 0);
        assertThat(RetentionEstimate.duringScan("orders", justStarted, DAY)).isEmpty();
    }

    @Test
    void remainingTimeFollowsItemCountAndRate() {
        SnapshotStats stats = new SnapshotStats(2, 0, 0, 0);
        assertThat(stats.remainingSeconds()).as("unknown size").isNaN();
        SnapshotStats done = new SnapshotStats(2, 2, 10, 10);
        assertThat(done.remainingSeconds()).isZero();
    }
}
