package dev.shardbridge.source.metrics;

import dev.shardbridge.source.offset.ShardPartition;
import org.apache.kafka.common.metrics.PluginMetrics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;

import static dev.shardbridge.source.metrics.SourceMetricNames.LAG_MS;
import static dev.shardbridge.source.metrics.SourceMetricNames.LAG_MS_DOC;
import static dev.shardbridge.source.metrics.SourceMetricNames.SHARD_TAG;
import static dev.shardbridge.source.metrics.SourceMetricNames.TABLE_TAG;

/** The metrics of one shard, tagged with its table and shard id. */
final class ShardMetrics {

    private final Registrations registrations;
    private final Counters counters;
    /** Written by the poll thread, read by JMX threads; NaN until the first page says how far behind we are. */
    private volatile double lagMs = Double.NaN;

    ShardMetrics(PluginMetrics pluginMetrics, ShardPartition shard) {
        LinkedHashMap<String, String> tags = new LinkedHashMap<>();
        tags.put(TABLE_TAG, shard.table());
        tags.put(SHARD_TAG, shard.shardId());
        this.registrations = new Registrations(pluginMetrics, tags);
        this.counters = Counters.forShard(registrations);
        registrations.gauge(LAG_MS, LAG_MS_DOC, (config, now) -> lagMs);
    }

    Counters counters() {
        return counters;
    }

    double lagMs() {
        return lagMs;
    }

    /**
     * A page with records sets the lag from its newest record; an empty page means nothing newer exists.
     * A page whose records carry no creation time leaves the last known lag in place rather than invent one.
     */
    void pageRead(int records, Optional<Instant> newestRecordTime, Instant now) {
        if (records == 0) {
            lagMs = 0;
        } else {
            newestRecordTime.ifPresent(newest -> lagMs = Math.max(0, now.toEpochMilli() - newest.toEpochMilli()));
        }
    }

    void remove() {
        registrations.removeAll();
    }
}
