package dev.shardbridge.source.metrics;

import dev.shardbridge.source.offset.ShardPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static dev.shardbridge.source.metrics.SourceMetricNames.SNAPSHOT_SEGMENTS_TOTAL;
import static dev.shardbridge.source.metrics.SourceMetricNames.SNAPSHOT_SEGMENTS_TOTAL_DOC;
import static dev.shardbridge.source.metrics.SourceMetricNames.SNAPSHOT_SEGMENTS_DONE;
import static dev.shardbridge.source.metrics.SourceMetricNames.SNAPSHOT_SEGMENTS_DONE_DOC;
import static dev.shardbridge.source.metrics.SourceMetricNames.SNAPSHOT_ITEMS_SCANNED;
import static dev.shardbridge.source.metrics.SourceMetricNames.SNAPSHOT_ITEMS_SCANNED_DOC;
import static dev.shardbridge.source.metrics.SourceMetricNames.SNAPSHOT_ROWS_DROPPED;
import static dev.shardbridge.source.metrics.SourceMetricNames.SNAPSHOT_ROWS_DROPPED_DOC;
import static dev.shardbridge.source.metrics.SourceMetricNames.SNAPSHOT_ITEMS_RATE;
import static dev.shardbridge.source.metrics.SourceMetricNames.SNAPSHOT_ITEMS_RATE_DOC;
import static dev.shardbridge.source.metrics.SourceMetricNames.SNAPSHOT_OUTLIVES_RETENTION;
import static dev.shardbridge.source.metrics.SourceMetricNames.SNAPSHOT_OUTLIVES_RETENTION_DOC;
import static dev.shardbridge.source.metrics.SourceMetricNames.SNAPSHOT_REMAINING_SECONDS;
import static dev.shardbridge.source.metrics.SourceMetricNames.SNAPSHOT_REMAINING_SECONDS_DOC;
import static dev.shardbridge.source.metrics.SourceMetricNames.TABLE_TAG;
import static dev.shardbridge.source.metrics.SourceMetricNames.LAG_MS_MAX;
import static dev.shardbridge.source.metrics.SourceMetricNames.LAG_MS_MAX_DOC;
import static dev.shardbridge.source.metrics.SourceMetricNames.SHARD_COUNT;
import static dev.shardbridge.source.metrics.SourceMetricNames.SHARD_COUNT_DOC;

/**
 * Source task metrics kept in the runtime's plugin metrics. A shard's metrics appear with its first event and
 * go when it is drained; the task totals live as long as this object.
 *
 * <p>Events arrive on the poll thread, but {@code close()} comes from {@code SourceTask.stop()}, which Connect
 * calls on another thread while a poll may still be running: the event methods and {@code close()} are
 * therefore synchronized, and an event after close is dropped rather than re-registering metrics nobody will
 * remove. Gauges are read by JMX threads without the lock, from a concurrent map and volatile fields.
 */
final class PluginSourceTaskMetrics implements SourceTaskMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(PluginSourceTaskMetrics.class);

    private final PluginMetrics pluginMetrics;
    private final Clock clock;
    private final Registrations taskRegistrations;
    private final Counters taskCounters;
    private final Map<ShardPartition, ShardMetrics> shards = new ConcurrentHashMap<>();
    private final Map<String, Registrations> snapshots = new ConcurrentHashMap<>();
    private boolean closed;

    PluginSourceTaskMetrics(PluginMetrics pluginMetrics, Clock clock) {
        this.pluginMetrics = pluginMetrics;
        this.clock = clock;
        this.taskRegistrations = new Registrations(pluginMetrics, new LinkedHashMap<>());
        this.taskCounters = Counters.forTask(taskRegistrations);
        taskRegistrations.gauge(LAG_MS_MAX, LAG_MS_MAX_DOC, (config, now) -> maxLagMs());
        taskRegistrations.gauge(SHARD_COUNT, SHARD_COUNT_DOC, (config, now) -> shards.size());
    }

    @Override
    public synchronized void pageRead(ShardPartition shard, int records, Optional<Instant> newestRecordTime) {
        if (records < 0) {
            throw new IllegalArgumentException("A page cannot hold " + records + " records");
        }
        ifOpen(shard, metrics -> {
            metrics.counters().records().record(records);
            taskCounters.records().record(records);
            metrics.pageRead(records, newestRecordTime, clock.instant());
        });
    }

    @Override
    public synchronized void throttled(ShardPartition shard) {
        ifOpen(shard, metrics -> {
            metrics.counters().throttles().record();
            taskCounters.throttles().record();
        });
    }

    @Override
    public synchronized void gap(ShardPartition shard) {
        ifOpen(shard, metrics -> {
            metrics.counters().gaps().record();
            taskCounters.gaps().record();
        });
    }

    @Override
    public synchronized void shardDrained(ShardPartition shard) {
        ShardMetrics metrics = shards.remove(shard);
        if (metrics != null) {
            metrics.remove();
        }
    }

    @Override
    public synchronized void snapshotStarted(String table, SnapshotGauges gauges) {
        if (closed) {
            return;
        }
        snapshotEnded(table);
        LinkedHashMap<String, String> tags = new LinkedHashMap<>();
        tags.put(TABLE_TAG, table);
        Registrations registrations = new Registrations(pluginMetrics, tags);
        try {
            registrations.gauge(SNAPSHOT_SEGMENTS_TOTAL, SNAPSHOT_SEGMENTS_TOTAL_DOC, (c, now) -> gauges.segmentsTotal());
            registrations.gauge(SNAPSHOT_SEGMENTS_DONE, SNAPSHOT_SEGMENTS_DONE_DOC, (c, now) -> gauges.segmentsDone());
            registrations.gauge(SNAPSHOT_ITEMS_SCANNED, SNAPSHOT_ITEMS_SCANNED_DOC, (c, now) -> gauges.itemsScanned());
            registrations.gauge(SNAPSHOT_ROWS_DROPPED, SNAPSHOT_ROWS_DROPPED_DOC, (c, now) -> gauges.rowsDropped());
            registrations.gauge(SNAPSHOT_ITEMS_RATE, SNAPSHOT_ITEMS_RATE_DOC, (c, now) -> gauges.itemsPerSecond());
            registrations.gauge(SNAPSHOT_REMAINING_SECONDS, SNAPSHOT_REMAINING_SECONDS_DOC,
                    (c, now) -> gauges.remainingSeconds());
            registrations.gauge(SNAPSHOT_OUTLIVES_RETENTION, SNAPSHOT_OUTLIVES_RETENTION_DOC,
                    (c, now) -> gauges.outlivesRetention() ? 1 : 0);
            snapshots.put(table, registrations);
        } catch (IllegalStateException runtimeClosedMetrics) {
            LOG.debug("Plugin metrics closed by the runtime; no snapshot metrics", runtimeClosedMetrics);
        }
    }

    @Override
    public synchronized void snapshotEnded(String table) {
        Registrations registrations = snapshots.remove(table);
        if (registrations != null) {
            registrations.removeAll();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        snapshots.values().forEach(Registrations::removeAll);
        snapshots.clear();
        shards.values().forEach(ShardMetrics::remove);
        shards.clear();
        taskRegistrations.removeAll();
    }

    /**
     * Metrics must never fail the task. The runtime closes the plugin metrics itself once the task ends, and
     * a poll that outlives that would get IllegalStateException on registering a new shard: stop there.
     */
    private void ifOpen(ShardPartition shard, Consumer<ShardMetrics> action) {
        if (closed) {
            return;
        }
        try {
            action.accept(shards.computeIfAbsent(shard, s -> new ShardMetrics(pluginMetrics, s)));
        } catch (IllegalStateException runtimeClosedMetrics) {
            LOG.debug("Plugin metrics closed by the runtime; source task metrics stop", runtimeClosedMetrics);
            closed = true;
            shards.clear();
        }
    }

    /** NaN while no shard has reported a page: "unknown" must not read as "caught up". */
    private double maxLagMs() {
        return shards.values().stream().mapToDouble(ShardMetrics::lagMs).filter(lag -> !Double.isNaN(lag))
                .max().orElse(Double.NaN);
    }
}
