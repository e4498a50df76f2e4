package dev.shardbridge.source.metrics;

import dev.shardbridge.source.offset.ShardPartition;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Task metrics for unit tests: keeps what the task reported so the test can check it. */
public final class RecordingMetrics implements SourceTaskMetrics {

    public final AtomicInteger records = new AtomicInteger();
    public final AtomicInteger gaps = new AtomicInteger();
    public final List<String> snapshotsEnded = new CopyOnWriteArrayList<>();
    private volatile SnapshotGauges snapshot;

    /** The gauges of the last snapshot started. */
    public SnapshotGauges snapshot() {
        return snapshot;
    }

    @Override
    public void pageRead(ShardPartition shard, int count, Optional<Instant> newestRecordTime) {
        records.addAndGet(count);
    }

    @Override
    public void throttled(ShardPartition shard) {
    }

    @Override
    public void gap(ShardPartition shard) {
        gaps.incrementAndGet();
    }

    @Override
    public void shardDrained(ShardPartition shard) {
    }

    @Override
    public void snapshotStarted(String table, SnapshotGauges gauges) {
        snapshot = gauges;
    }

    @Override
    public void snapshotEnded(String table) {
        snapshotsEnded.add(table);
    }

    @Override
    public void close() {
    }
}
