package dev.shardbridge.source.read;

import dev.shardbridge.event.StreamShard;
import dev.shardbridge.source.assign.DiscoveredShard;
import dev.shardbridge.source.offset.ShardPartition;

import java.time.Duration;

/**
 * One shard of a task and where it stands: waiting for its parents, being read, or finished. The reader is
 * created only when the lineage gate opens, because only then is the start position known.
 */
final class ShardCursor {

    enum State { GATED, READING, DONE }

    private final DiscoveredShard shard;
    private final ShardPartition partition;
    private final StreamShard streamShard;
    private final PollPacing pacing;
    private ShardReader reader;
    private State state = State.GATED;
    private long dueNanos;

    ShardCursor(DiscoveredShard shard, StreamShard streamShard, PollPacing pacing) {
        this.shard = shard;
        this.partition = new ShardPartition(shard.table(), shard.shardId());
        this.streamShard = streamShard;
        this.pacing = pacing;
    }

    DiscoveredShard shard() {
        return shard;
    }

    ShardPartition partition() {
        return partition;
    }

    StreamShard streamShard() {
        return streamShard;
    }

    PollPacing pacing() {
        return pacing;
    }

    ShardReader reader() {
        return reader;
    }

    State state() {
        return state;
    }

    void open(ShardReader reader, long nowNanos) {
        this.reader = reader;
        this.state = State.READING;
        this.dueNanos = nowNanos;
    }

    void finish() {
        state = State.DONE;
    }

    boolean due(long nowNanos) {
        return state == State.READING && nowNanos - dueNanos >= 0;
    }

    long dueNanos() {
        return dueNanos;
    }

    void delay(long nowNanos, Duration delay) {
        dueNanos = nowNanos + delay.toNanos();
    }

    @Override
    public String toString() {
        return partition.table() + "/" + partition.shardId();
    }
}
