package dev.shardbridge.quickstart;

import java.time.Duration;

/**
 * One sample of the pipeline, in Kafka records except {@code written} (writes to the table).
 *
 * @param written       writes acknowledged by the table
 * @param records       writes the workload will make in all
 * @param expectedKafka records those writes become in Kafka (with tombstones)
 * @param inKafka       records in the change topic
 * @param replicated    records the sink has committed (applied to the replica)
 * @param aggregated    records the aggregator group has committed
 * @param triggered     records the Tablestore-trigger group has committed
 */
record Progress(long written, long records, long expectedKafka, long inKafka, long replicated, long aggregated,
                long triggered, Duration elapsed) {

    /** Short enough that the whole line fits a 130-column terminal; a wrapped line cannot be redrawn in place. */
    private static final int BAR_WIDTH = 10;

    /** Every stage has everything the workload wrote (duplicates from redelivery allowed). */
    boolean caughtUp() {
        return written >= records && inKafka >= expectedKafka && replicated >= inKafka && aggregated >= inKafka
                && triggered >= inKafka;
    }

    long captureLag() {
        return Math.max(0, expectedKafka - inKafka);
    }

    /** Share of the run done: replicated records against the records the whole workload will make. */
    double fraction() {
        if (written == 0) {
            return 0;
        }
        double finalKafka = (double) expectedKafka * records / written;
        return Math.min(1.0, replicated / Math.max(1.0, finalKafka));
    }

    String line() {
        int filled = (int) Math.round(fraction() * BAR_WIDTH);
        return String.format("written %,d/%,d | kafka %,d (lag %,d) | replica %,d (lag %,d) | aggregator lag %,d"
                        + " | tablestore lag %,d [%s%s] %3.0f%% %ds",
                written, records, inKafka, captureLag(), replicated, lag(replicated), lag(aggregated), lag(triggered),
                "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), fraction() * 100, elapsed.toSeconds());
    }

    private long lag(long consumed) {
        return Math.max(0, inKafka - consumed);
    }
}
