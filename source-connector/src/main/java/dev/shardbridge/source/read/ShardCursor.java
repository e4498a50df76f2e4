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
    /** The delay ahead is a backoff after a failure, which a waiting snapshot page must not cut short. */
    private boolean backingOff;
    /** When the last read that reached the shard's newest record was requested ({@code System.nanoTime()}); valid if {@link #caughtUp}. */
    private long emptyReadRequestedNanos;
    private boolean caughtUp;
    /** Finished because this task read it to its end (not because it was gone or already done at start). */
    private boolean drainedHere;

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

    /** This task read the shard to its end; its children hold what follows. */
    void drained() {
        drainedHere = true;
        finish();
    }

    boolean drainedHere() {
        return drainedHere;
    }

    /** A read requested at {@code requestedNanos} returned everything the open shard held then. */
    void readToTip(long requestedNanos) {
        emptyReadRequestedNanos = requestedNanos;
        caughtUp = true;
    }

    /** Whether a read requested at or after {@code nanos} reached the shard's newest record. */
    boolean readToTipSince(long nanos) {
        return caughtUp && emptyReadRequestedNanos - nanos >= 0;
    }

    /** Makes the shard due by {@code nanos} at the latest, unless it is backing off after a failure. */
    void dueBy(long nanos) {
        if (!backingOff && dueNanos - nanos > 0) {
            dueNanos = nanos;
        }
    }

    boolean due(long nowNanos) {
        return state == State.READING && nowNanos - dueNanos >= 0;
    }

    long dueNanos() {
        return dueNanos;
    }

    void delay(long nowNanos, Duration delay) {
        dueNanos = nowNanos + delay.toNanos();
        backingOff = false;
    }

    void backOff(long nowNanos, Duration delay) {
        dueNanos = nowNanos + delay.toNanos();
        backingOff = true;
    }

    @Override
    public String toString() {
        return partition.table() + "/" + partition.shardId();
    }
}
