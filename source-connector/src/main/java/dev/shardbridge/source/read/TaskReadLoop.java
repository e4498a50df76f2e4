package dev.shardbridge.source.read;

import dev.shardbridge.event.StreamShard;
import dev.shardbridge.source.assign.DiscoveredShard;
import dev.shardbridge.source.assign.LineageGate;
import dev.shardbridge.source.config.IdleBackoff;
import dev.shardbridge.source.config.StartPosition;
import dev.shardbridge.source.config.TrimmedDataPolicy;
import dev.shardbridge.source.emit.ChangeRecords;
import dev.shardbridge.source.metrics.SourceTaskMetrics;
import dev.shardbridge.source.offset.ShardOffset;
import dev.shardbridge.source.offset.ShardOffsets;
import dev.shardbridge.source.offset.ShardPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The body of a source task's {@code poll()}: visits the task's shards round-robin, reads each one that is due,
 * and returns what it read. A shard is due at once after a page with records, after an idle backoff when
 * quiet, and after a jittered backoff when throttled; children wait at the lineage gate until every parent is
 * drained. Between pages the loop waits on a monitor that {@link #stop()} signals, so a stopping task never
 * sits out a backoff.
 */
public final class TaskReadLoop {

    /** How often shards waiting for their parents look at the parents' offsets again. */
    static final Duration GATE_RECHECK = Duration.ofMillis(500);
    /** Return to the worker at least this often, even with nothing to emit, so it can commit and rebalance. */
    static final Duration MAX_IDLE_POLL = Duration.ofSeconds(1);
    /** Stop visiting shards in one poll once this many records are collected; the rest are read next time. */
    static final int RECORDS_PER_POLL = 5_000;

    private static final Logger log = LoggerFactory.getLogger(TaskReadLoop.class);

    /** What the loop is configured with, apart from its collaborators. */
    public record Settings(StartPosition startPosition, int limit, IdleBackoff idleBackoff,
                           TrimmedDataPolicy trimmedDataPolicy) {
    }

    private final DynamoDbStreamsClient streams;
    private final List<ShardCursor> cursors;
    private final ShardOffsets offsets;
    private final ChangeRecords changeRecords;
    private final SourceTaskMetrics metrics;
    private final Settings settings;
    private final Map<ShardPartition, ShardOffset> ownOffsets;
    private final LineageGate gate;
    private final Object wakeUp = new Object();
    private volatile boolean stopping;
    private Map<ShardPartition, ShardOffset> gateView = Map.of();
    private long nextGateCheck = System.nanoTime();
    private int rotation;

    TaskReadLoop(DynamoDbStreamsClient streams, List<ShardCursor> cursors, ShardOffsets offsets,
                 ChangeRecords changeRecords, SourceTaskMetrics metrics, Settings settings) {
        this.streams = streams;
        this.cursors = List.copyOf(cursors);
        this.offsets = offsets;
        this.changeRecords = changeRecords;
        this.metrics = metrics;
        this.settings = settings;
        this.ownOffsets = offsets.fetch(cursors.stream().map(ShardCursor::partition).toList());
        this.gate = new LineageGate(partition -> Optional.ofNullable(gateView.get(partition)));
    }

    /**
     * A loop over those of {@code shards} whose table is in {@code tables} (a table that could not be described
     * is left out). Reads the shards' own offsets once, here: only this task writes them, so they cannot change
     * behind its back.
     */
    public static TaskReadLoop create(DynamoDbStreamsClient streams, Map<String, TableStream> tables,
                                      List<DiscoveredShard> shards, ShardOffsets offsets, ChangeRecords changeRecords,
                                      SourceTaskMetrics metrics, Settings settings) {
        List<ShardCursor> cursors = shards.stream().filter(shard -> tables.containsKey(shard.table())).map(shard -> {
            TableStream table = tables.get(shard.table());
            return new ShardCursor(shard, new StreamShard(shard.table(), table.tableKey(), table.streamArn(),
                    shard.shardId()), new PollPacing(settings.idleBackoff(),
                    bound -> ThreadLocalRandom.current().nextLong(bound)));
        }).toList();
        return new TaskReadLoop(streams, cursors, offsets, changeRecords, metrics, settings);
    }

    /** Records read since the last call; null after about a second with nothing to emit, or when stopping. */
    public List<SourceRecord> poll() throws InterruptedException {
        try {
            return pollUntilRecordsOrIdle();
        } catch (RuntimeException e) {
            if (stopping) {
                // stop() closed the clients and Connect the offset reader under a call in flight: not a failure.
                log.debug("Ignoring a failure while stopping: {}", e.getMessage());
                return null;
            }
            throw e;
        }
    }

    private List<SourceRecord> pollUntilRecordsOrIdle() throws InterruptedException {
        long entered = System.nanoTime();
        while (!stopping) {
            long now = System.nanoTime();
            if (now - nextGateCheck >= 0) {
                openGates(now);
                nextGateCheck = now + GATE_RECHECK.toNanos();
            }
            List<SourceRecord> out = readDueShards(now);
            if (!out.isEmpty()) {
                return out;
            }
            long deadline = entered + MAX_IDLE_POLL.toNanos();
            long wakeAt = Math.min(Math.min(nextDue(), nextGateCheck), deadline);
            if (now - deadline >= 0) {
                return null;
            }
            sleepUntil(wakeAt);
        }
        return null;
    }

    /** Makes a blocked or future {@link #poll()} return promptly. */
    public void stop() {
        stopping = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private List<SourceRecord> readDueShards(long now) {
        List<SourceRecord> out = new ArrayList<>();
        int size = cursors.size();
        for (int i = 0; i < size && out.size() < RECORDS_PER_POLL && !stopping; i++) {
            ShardCursor cursor = cursors.get((rotation + i) % size);
            if (cursor.due(now)) {
                readOnce(cursor, out);
            }
        }
        rotation = size == 0 ? 0 : (rotation + 1) % size;
        return out;
    }

    private void readOnce(ShardCursor cursor, List<SourceRecord> out) {
        ShardReader reader = cursor.reader();
        ShardReader.Page page;
        try {
            page = reader.poll();
        } catch (SdkException e) {
            if (stopping) {
                return;
            }
            onFailure(cursor, e);
            return;
        }
        List<Record> records = page.records();
        metrics.pageRead(cursor.partition(), records.size(), newestRecordTime(records));
        changeRecords.append(cursor.streamShard(), records, out);
        long now = System.nanoTime();
        cursor.delay(now, records.isEmpty() ? cursor.pacing().afterEmptyPage() : cursor.pacing().afterRecords());
        if (page.drained()) {
            ShardOffset drained = reader.skippedClosedShard() ? ShardOffset.skipped(cursor.partition())
                    : ShardOffset.drained(cursor.partition(), reader.lastSequenceNumber().orElse(null));
            out.add(changeRecords.drainedMarker(drained));
            offsets.emittedDrained(drained);
            cursor.finish();
            metrics.shardDrained(cursor.partition());
            log.info("Shard {} drained{}; its children may now be read", cursor,
                    drained.skipped() ? " (closed before start.position=latest reached it)" : "");
        }
    }

    private void onFailure(ShardCursor cursor, SdkException failure) {
        StreamFailure kind = StreamFailure.classify(failure);
        switch (kind) {
            case THROTTLED, TRANSIENT, EXPIRED_ITERATOR -> {
                metrics.throttled(cursor.partition());
                Duration backoff = cursor.pacing().afterThrottle();
                cursor.delay(System.nanoTime(), backoff);
                log.debug("Shard {}: {} ({}); retrying in {} ms", cursor, kind, failure.getMessage(), backoff.toMillis());
            }
            case TRIMMED -> onTrimmed(cursor, failure);
            case GONE -> {
                cursor.finish();
                log.warn("Shard {} no longer exists ({}); it is no longer read. Shard discovery reassigns the"
                        + " table's current shards.", cursor, failure.getMessage());
            }
            case FATAL -> throw new ConnectException("Reading shard " + cursor + " failed and retrying cannot help: "
                    + failure.getMessage(), failure);
        }
    }

    private void onTrimmed(ShardCursor cursor, SdkException failure) {
        String position = cursor.reader().lastSequenceNumber().map(seq -> "after sequence number " + seq)
                .orElse("at its start");
        if (settings.trimmedDataPolicy() == TrimmedDataPolicy.FAIL) {
            throw new ConnectException("Shard " + cursor + ": the position " + position + " is older than the"
                    + " stream's retention (24 hours on AWS); changes were lost from the stream before they could be"
                    + " read. Set trimmed.data.policy=skip to continue at the oldest retained record (the gap is"
                    + " logged and counted), or reset the connector's offsets. Cause: " + failure.getMessage(), failure);
        }
        metrics.gap(cursor.partition());
        log.warn("DATA GAP: shard {}: the position {} was trimmed from the stream; continuing at the oldest retained"
                + " record under trimmed.data.policy=skip. Changes in between are lost.", cursor, position);
        cursor.reader().skipToTrimHorizon();
        cursor.delay(System.nanoTime(), Duration.ZERO);
    }

    private void openGates(long now) {
        List<ShardCursor> gated = cursors.stream().filter(c -> c.state() == ShardCursor.State.GATED).toList();
        if (gated.isEmpty()) {
            return;
        }
        gateView = offsets.fetch(parentsOf(gated));
        for (ShardCursor cursor : gated) {
            if (gate.mayRead(cursor.shard())) {
                open(cursor, now);
            }
        }
    }

    private void open(ShardCursor cursor, long now) {
        Collection<ShardOffset> parents = cursor.shard().parentShardIds().stream()
                .map(parent -> gateView.get(new ShardPartition(cursor.partition().table(), parent))).toList();
        ShardStart start = ShardStart.decide(Optional.ofNullable(ownOffsets.get(cursor.partition())), parents,
                settings.startPosition());
        if (start instanceof ShardStart.Done) {
            cursor.finish();
            return;
        }
        log.debug("Shard {} opens at {}", cursor, start);
        cursor.open(new ShardReader(streams, cursor.streamShard().streamArn(), cursor.partition().shardId(), start,
                settings.limit()), now);
    }

    private static List<ShardPartition> parentsOf(List<ShardCursor> gated) {
        return gated.stream().flatMap(cursor -> cursor.shard().parentShardIds().stream()
                .map(parent -> new ShardPartition(cursor.partition().table(), parent))).distinct().toList();
    }

    private long nextDue() {
        return cursors.stream().filter(c -> c.state() == ShardCursor.State.READING)
                .mapToLong(ShardCursor::dueNanos).min().orElse(Long.MAX_VALUE);
    }

    private void sleepUntil(long wakeAtNanos) throws InterruptedException {
        long waitNanos = wakeAtNanos - System.nanoTime();
        if (waitNanos <= 0) {
            return;
        }
        synchronized (wakeUp) {
            if (!stopping) {
                TimeUnit.NANOSECONDS.timedWait(wakeUp, waitNanos);
            }
        }
    }

    private static Optional<Instant> newestRecordTime(List<Record> records) {
        return records.isEmpty() ? Optional.empty()
                : Optional.ofNullable(records.get(records.size() - 1).dynamodb().approximateCreationDateTime());
    }

    /** For tests and logs: the shards in each state. */
    Stream<ShardCursor> cursors() {
        return cursors.stream();
    }
}
