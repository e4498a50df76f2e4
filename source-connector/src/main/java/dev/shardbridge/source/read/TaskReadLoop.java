package dev.shardbridge.source.read;

import dev.shardbridge.event.StreamShard;
import dev.shardbridge.source.assign.DiscoveredShard;
import dev.shardbridge.source.config.IdleBackoff;
import dev.shardbridge.source.config.StartPosition;
import dev.shardbridge.source.config.TrimmedDataPolicy;
import dev.shardbridge.source.emit.ChangeRecords;
import dev.shardbridge.source.metrics.SourceTaskMetrics;
import dev.shardbridge.source.offset.ShardOffset;
import dev.shardbridge.source.offset.ShardOffsets;
import dev.shardbridge.source.snapshot.TaskSnapshots;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The body of a source task's {@code poll()}: visits the task's shards round-robin, reads each one that is due,
 * and returns what it read; {@link ShardGates} opens waiting shards and {@link ReadFailures} acts on failures.
 * A shard is due at once after a page with records, after an idle backoff when quiet, and after a jittered
 * backoff when throttled; children wait at the lineage gate until every parent is drained. Snapshots running in
 * the task append the rows of each Scan page once {@link StreamCatchUp} says the table's stream was read past
 * it. Between pages the loop waits on a monitor that {@link #stop()} and arriving Scan pages signal, so a
 * stopping task never sits out a backoff.
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
                           TrimmedDataPolicy trimmedDataPolicy, boolean resnapshotWhenTrimmed) {

        public Settings(StartPosition startPosition, int limit, IdleBackoff idleBackoff,
                        TrimmedDataPolicy trimmedDataPolicy) {
            this(startPosition, limit, idleBackoff, trimmedDataPolicy, false);
        }
    }

    private final List<ShardCursor> cursors;
    private final ShardOffsets offsets;
    private final ChangeRecords changeRecords;
    private final SourceTaskMetrics metrics;
    private final ShardGates gates;
    private final ReadFailures failures;
    private final TaskSnapshots snapshots;
    private final StreamCatchUp catchUp;
    private final int limit;
    private final Object wakeUp = new Object();
    private volatile boolean stopping;
    /** Set by a snapshot page's arrival, so a poll about to wait looks at it first. */
    private boolean woken;
    private long nextGateCheck = System.nanoTime();
    private int rotation;

    TaskReadLoop(DynamoDbStreamsClient streams, List<ShardCursor> cursors, ShardOffsets offsets,
                 ChangeRecords changeRecords, SourceTaskMetrics metrics, Settings settings) {
        this(streams, cursors, offsets, changeRecords, metrics, settings, TaskSnapshots.none());
    }

    TaskReadLoop(DynamoDbStreamsClient streams, List<ShardCursor> cursors, ShardOffsets offsets,
                 ChangeRecords changeRecords, SourceTaskMetrics metrics, Settings settings, TaskSnapshots snapshots) {
        this.cursors = List.copyOf(cursors);
        this.snapshots = snapshots;
        this.catchUp = new StreamCatchUp(this.cursors);
        this.limit = settings.limit();
        this.offsets = offsets;
        this.changeRecords = changeRecords;
        this.metrics = metrics;
        this.failures = new ReadFailures(metrics, settings.trimmedDataPolicy(),
                settings.resnapshotWhenTrimmed() ? snapshots::requestResnapshot : null);
        this.gates = new ShardGates(streams, offsets, offsets.fetch(cursors.stream().map(ShardCursor::partition).toList()),
                settings.startPosition(), settings.limit(), failures,
                settings.resnapshotWhenTrimmed() ? snapshots::tableReadBefore : null);
        snapshots.start(this::wake);
    }

    /**
     * A loop over those of {@code shards} whose table is in {@code tables} (a table that could not be described
     * is left out). Reads the shards' own offsets once, here: only this task writes them, so they cannot change
     * behind its back.
     */
    public static TaskReadLoop create(DynamoDbStreamsClient streams, Map<String, TableStream> tables,
                                      List<DiscoveredShard> shards, ShardOffsets offsets, ChangeRecords changeRecords,
                                      SourceTaskMetrics metrics, Settings settings) {
        return create(streams, tables, shards, offsets, changeRecords, metrics, settings, TaskSnapshots.none());
    }

    /** The same, also running {@code snapshots}, whose tables' shards must all be among {@code shards}. */
    public static TaskReadLoop create(DynamoDbStreamsClient streams, Map<String, TableStream> tables,
                                      List<DiscoveredShard> shards, ShardOffsets offsets, ChangeRecords changeRecords,
                                      SourceTaskMetrics metrics, Settings settings, TaskSnapshots snapshots) {
        List<ShardCursor> cursors = shards.stream().filter(shard -> tables.containsKey(shard.table())).map(shard -> {
            TableStream table = tables.get(shard.table());
            return new ShardCursor(shard, new StreamShard(shard.table(), table.tableKey(), table.streamArn(),
                    shard.shardId()), new PollPacing(settings.idleBackoff(),
                    bound -> ThreadLocalRandom.current().nextLong(bound)));
        }).toList();
        return new TaskReadLoop(streams, cursors, offsets, changeRecords, metrics, settings, snapshots);
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
                gates.openReady(cursors, now);
                nextGateCheck = now + GATE_RECHECK.toNanos();
            }
            if (!snapshots.isEmpty()) {
                catchUp.hurry(snapshots.streamReadsNeeded());
            }
            List<SourceRecord> out = readDueShards(now);
            if (!snapshots.isEmpty()) {
                snapshots.emit(catchUp::readAfter, out);
            }
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

    /** Called by snapshot threads when a page arrives. */
    private void wake() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
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
        Optional<String> before = reader.lastSequenceNumber();
        ShardReader.Page page;
        long requested = System.nanoTime();
        try {
            page = reader.poll();
        } catch (SdkException e) {
            if (stopping) {
                return;
            }
            failures.handle(cursor, e);
            return;
        }
        List<Record> records = page.records();
        metrics.pageRead(cursor.partition(), records.size(), newestRecordTime(records));
        changeRecords.append(cursor.streamShard(), records, before, out);
        String table = cursor.partition().table();
        if (snapshots.snapshotting(table)) {
            for (Record record : records) {
                snapshots.streamChange(table, cursor.streamShard().tableKey().keyOf(record.dynamodb().keys()));
            }
        }
        if (!page.drained() && StreamCatchUp.reachedTip(records, limit)) {
            cursor.readToTip(requested);
        }
        long now = System.nanoTime();
        cursor.delay(now, records.isEmpty() ? cursor.pacing().afterEmptyPage() : cursor.pacing().afterRecords());
        if (page.drained()) {
            ShardOffset drained = reader.skippedClosedShard() ? ShardOffset.skipped(cursor.partition())
                    : ShardOffset.drained(cursor.partition(), reader.lastSequenceNumber().orElse(null));
            out.add(changeRecords.drainedMarker(drained));
            offsets.emittedDrained(drained);
            cursor.drained();
            metrics.shardDrained(cursor.partition());
            log.info("Shard {} drained{}; its children may now be read", cursor,
                    drained.skipped() ? " (closed before start.position=latest reached it)" : "");
        }
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
            if (!stopping && !woken) {
                TimeUnit.NANOSECONDS.timedWait(wakeUp, waitNanos);
            }
            woken = false;
        }
    }

    private static Optional<Instant> newestRecordTime(List<Record> records) {
        return records.isEmpty() ? Optional.empty()
                : Optional.ofNullable(records.get(records.size() - 1).dynamodb().approximateCreationDateTime());
    }
}
