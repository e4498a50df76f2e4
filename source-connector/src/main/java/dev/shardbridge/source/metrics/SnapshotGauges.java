package dev.shardbridge.source.metrics;

/**
 * What a running snapshot shows its operators, read by JMX threads at any time: implementations must be
 * safe to read from any thread.
 */
public interface SnapshotGauges {

    int segmentsTotal();

    int segmentsDone();

    /** Items scanned in the current snapshot, across restarts. */
    long itemsScanned();

    /** Scanned items dropped because the stream delivered a newer state of their key while they were read. */
    long rowsDropped();

    /** Items scanned per second since this task began the scan; NaN before the first page. */
    double itemsPerSecond();

    /** Estimated seconds until every segment is done, from the table's item count and the scan rate; NaN if unknown. */
    double remainingSeconds();

    /** Whether the snapshot is estimated to take longer than the stream's retention (and a warning was logged). */
    boolean outlivesRetention();
}
