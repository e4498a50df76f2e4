package dev.shardbridge.source.metrics;

import dev.shardbridge.source.offset.ShardPartition;

import java.time.Instant;
import java.util.Optional;

/** For runtimes without plugin metrics, and for tests that do not look at metrics. */
enum NoopSourceTaskMetrics implements SourceTaskMetrics {
    INSTANCE;

    @Override
    public void pageRead(ShardPartition shard, int records, Optional<Instant> newestRecordTime) {
    }

    @Override
    public void throttled(ShardPartition shard) {
    }

    @Override
    public void gap(ShardPartition shard) {
    }

    @Override
    public void shardDrained(ShardPartition shard) {
    }

    @Override
    public void snapshotStarted(String table, SnapshotGauges gauges) {
    }

    @Override
    public void snapshotEnded(String table) {
    }

    @Override
    public void close() {
    }
}
