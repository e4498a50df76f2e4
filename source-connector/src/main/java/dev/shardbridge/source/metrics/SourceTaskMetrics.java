package dev.shardbridge.source.metrics;

import dev.shardbridge.source.offset.ShardPartition;
import org.apache.kafka.connect.source.SourceTaskContext;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What a source task tells its operators: records, lag, throttles and gaps per shard and in total. The task
 * reports events; how they become metrics (and whether the runtime can show them at all) is hidden here, so
 * the poll loop never checks for a missing metrics system. Names are in {@link SourceMetricNames}.
 */
public interface SourceTaskMetrics extends AutoCloseable {

    /**
     * One GetRecords page of a shard: count records; lag = now − newest record's approximate creation time;
     * an empty page from an open shard means caught up, lag 0.
     */
    void pageRead(ShardPartition shard, int records, Optional<Instant> newestRecordTime);

    /** One throttled or retried call on the shard. */
    void throttled(ShardPartition shard);

    /** Trimmed data skipped under {@code trimmed.data.policy=skip}. */
    void gap(ShardPartition shard);

    /** The shard is closed and fully read: its per-shard metrics go away, the task totals keep its counts. */
    void shardDrained(ShardPartition shard);

    /** A snapshot of {@code table} runs in this task: its progress becomes metrics tagged with the table. */
    void snapshotStarted(String table, SnapshotGauges gauges);

    /** The snapshot of {@code table} finished or stopped: its metrics go away. */
    void snapshotEnded(String table);

    /** Removes everything this instance registered; later calls are ignored. */
    @Override
    void close();

    /**
     * Metrics registered through the runtime's plugin metrics (KIP-877), shown over JMX by a Connect worker,
     * or {@link #noop()} where the runtime offers none.
     */
    static SourceTaskMetrics create(SourceTaskContext context, Clock clock) {
        return PluginMetricsLookup.of(context)
                .<SourceTaskMetrics>map(pluginMetrics -> new PluginSourceTaskMetrics(pluginMetrics, clock))
                .orElseGet(SourceTaskMetrics::noop);
    }

    static SourceTaskMetrics noop() {
        return NoopSourceTaskMetrics.INSTANCE;
    }
}
