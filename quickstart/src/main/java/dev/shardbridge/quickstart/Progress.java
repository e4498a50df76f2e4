package dev.shardbridge.quickstart;

import java.time.Duration;

/**
 * One sample of the pipeline, in Kafka records except {@code written} (writes to the table) and the snapshot.
 *
 * @param written       writes acknowledged by the table
 * @param records       writes the workload will make in all
 * @param expectedKafka records those writes become in Kafka (with tombstones)
 * @param existing      items the table held before the connectors were deployed
 * @param snapshot      the source's snapshot progress, from its committed offsets
 * @param snapshotReads snapshot reads ({@code op=r}) the aggregator group has read from the topic
 * @param inKafka       records in the change topic
 * @param replicated    records the sink has committed (applied to the replica)
 * @param aggregated    records the aggregator group has committed
 * @param triggered     records the Tablestore-trigger group has committed
 */
record Progress(long written, long records, long expectedKafka, long existing, SnapshotProgress snapshot,
                long snapshotReads, long inKafka, long replicated, long aggregated, long triggered,
                Duration elapsed) {

    /** Short enough that the whole line fits a 130-column terminal; a wrapped line cannot be redrawn in place. */
    private static final int BAR_WIDTH = 10;

    /**
     * Every stage has everything: the snapshot is done (so its rows are in Kafka), the topic holds a change
     * for every write besides the snapshot reads, and each group has read the whole topic (duplicates from
     * redelivery allowed). The aggregator counts the snapshot reads, so its having read everything makes the
     * count exact.
     */
    boolean caughtUp() {
        return written >= records && snapshot.done() && inKafka >= expectedKafka + snapshotReads
                && replicated >= inKafka && aggregated >= inKafka && triggered >= inKafka;
    }

    /** Changes written to the table but not yet in Kafka; snapshot reads are not written, so they never lag. */
    long captureLag() {
        return Math.max(0, expectedKafka + snapshotReads - inKafka);
    }

    /**
     * Share of the run done: replicated records against the records the whole run will make, the snapshot's
     * reckoned as one per existing item until more have arrived.
     */
    double fraction() {
        if (caughtUp()) {
            return 1.0;
        }
        if (written == 0) {
            return 0;
        }
        double finalKafka = (double) expectedKafka * records / written + Math.max(snapshotReads, existing);
        return Math.min(1.0, replicated / Math.max(1.0, finalKafka));
    }

    /** The progress line; while the snapshot runs, its progress stands where the bar does. */
    String line() {
        int filled = (int) Math.round(fraction() * BAR_WIDTH);
        return String.format("written %,d/%,d | kafka %,d (lag %,d) | replica %,d (lag %,d) | aggregator lag %,d"
                        + " | tablestore lag %,d %s %ds",
                written, records, inKafka, captureLag(), replicated, lag(replicated), lag(aggregated), lag(triggered),
                snapshot.done() ? String.format("[%s%s] %3.0f%%", "#".repeat(filled), "-".repeat(BAR_WIDTH - filled),
                        fraction() * 100) : "[" + snapshot.text() + "]", elapsed.toSeconds());
    }

    private long lag(long consumed) {
        return Math.max(0, inKafka - consumed);
    }
}
