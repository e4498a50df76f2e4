package dev.shardbridge.source.metrics;

/**
 * Names and tags of the source task's metrics, as operators see them (JMX attribute names). Per-shard metrics
 * carry the tags {@value #TABLE_TAG} and {@value #SHARD_TAG}; task totals carry only the runtime's own tags
 * (connector, task). {@code docs/operations.md} lists them; change both together.
 */
public final class SourceMetricNames {

    public static final String TABLE_TAG = "table";
    public static final String SHARD_TAG = "shard";

    public static final String RECORDS_TOTAL = "records-total";
    static final String RECORDS_TOTAL_SHARD_DOC = "Stream records read from the shard.";
    static final String RECORDS_TOTAL_TASK_DOC = "Stream records read by the task from all its shards.";

    public static final String RECORDS_RATE = "records-rate";
    static final String RECORDS_RATE_SHARD_DOC = "Stream records read from the shard per second.";
    static final String RECORDS_RATE_TASK_DOC = "Stream records read by the task per second.";

    public static final String LAG_MS = "lag-ms";
    static final String LAG_MS_DOC = "Milliseconds between the newest record of the last page read and the moment"
            + " it was read (0 when the shard is caught up); NaN before the first page.";

    public static final String LAG_MS_MAX = "lag-ms-max";
    static final String LAG_MS_MAX_DOC = "Largest lag-ms of the shards the task is reading; NaN while none is known.";

    public static final String THROTTLES_TOTAL = "throttles-total";
    static final String THROTTLES_TOTAL_SHARD_DOC = "Streams calls on the shard that were throttled and retried.";
    static final String THROTTLES_TOTAL_TASK_DOC = "Streams calls of the task that were throttled and retried.";

    public static final String GAPS_TOTAL = "gaps-total";
    static final String GAPS_TOTAL_SHARD_DOC = "Times trimmed data was skipped on the shard"
            + " (trimmed.data.policy=skip).";
    static final String GAPS_TOTAL_TASK_DOC = "Times trimmed data was skipped by the task (trimmed.data.policy=skip).";

    public static final String SHARD_COUNT = "shard-count";
    static final String SHARD_COUNT_DOC = "Shards the task is reading: seen in a call and not yet drained.";

    public static final String SNAPSHOT_SEGMENTS_TOTAL = "snapshot-segments-total";
    static final String SNAPSHOT_SEGMENTS_TOTAL_DOC = "Segments of the table's snapshot scan (TotalSegments).";
    public static final String SNAPSHOT_SEGMENTS_DONE = "snapshot-segments-done";
    static final String SNAPSHOT_SEGMENTS_DONE_DOC = "Segments of the table's snapshot scan read to their end.";
    public static final String SNAPSHOT_ITEMS_SCANNED = "snapshot-items-scanned";
    static final String SNAPSHOT_ITEMS_SCANNED_DOC = "Items the table's current snapshot has scanned, across restarts.";
    public static final String SNAPSHOT_ROWS_DROPPED = "snapshot-rows-dropped";
    static final String SNAPSHOT_ROWS_DROPPED_DOC = "Scanned items not emitted because the stream delivered a newer"
            + " state of their key while they were read.";
    public static final String SNAPSHOT_ITEMS_RATE = "snapshot-items-rate";
    static final String SNAPSHOT_ITEMS_RATE_DOC = "Items scanned per second since this task began the scan.";
    public static final String SNAPSHOT_REMAINING_SECONDS = "snapshot-remaining-seconds";
    static final String SNAPSHOT_REMAINING_SECONDS_DOC = "Estimated seconds until the snapshot is done, from the"
            + " table's item count (DescribeTable) and the scan rate; NaN while unknown.";

    public static final String SNAPSHOT_OUTLIVES_RETENTION = "snapshot-outlives-retention";
    static final String SNAPSHOT_OUTLIVES_RETENTION_DOC = "1 when the snapshot is estimated to take longer than the"
            + " stream's retention (stream.retention.ms), else 0; alert on it.";

    private SourceMetricNames() {
    }
}
