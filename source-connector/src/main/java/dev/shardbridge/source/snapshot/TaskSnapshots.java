package dev.shardbridge.source.snapshot;

import dev.shardbridge.source.emit.SnapshotRecords;
import dev.shardbridge.source.offset.SnapshotEpoch;
import dev.shardbridge.source.offset.SnapshotOffsets;
import dev.shardbridge.source.offset.TableSnapshot;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * The snapshots one task runs, one per table the connector gave it to snapshot, and the re-snapshots that
 * {@code snapshot.mode=when_needed} asks for. Used by the poll thread only, apart from the segment threads
 * each snapshot owns.
 */
public final class TaskSnapshots implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TaskSnapshots.class);

    private final Map<String, TableSnapshotter> running = new LinkedHashMap<>();
    private final Set<String> resnapshotRequests = new LinkedHashSet<>();
    private final SnapshotOffsets offsets;
    private final SnapshotRecords records;
    private final int segments;
    private final BiFunction<TableSnapshot, Set<Integer>, TableSnapshotter> factory;
    private Runnable wake = () -> { };

    /**
     * @param segments the configured segment count, for new epochs
     * @param factory  makes the snapshotter of a table's snapshot state
     */
    public TaskSnapshots(SnapshotOffsets offsets, SnapshotRecords records, int segments,
                         BiFunction<TableSnapshot, Set<Integer>, TableSnapshotter> factory) {
        this.offsets = offsets;
        this.records = records;
        this.segments = segments;
        this.factory = factory;
    }

    /** No snapshots: a task that only streams. */
    public static TaskSnapshots none() {
        return new TaskSnapshots(null, null, 1, (state, segments) -> {
            throw new IllegalStateException("This task runs no snapshots");
        });
    }

    /**
     * Adds the snapshot of a table in the given state; started by {@link #start}.
     *
     * @param segments the segments to run here; empty for all
     */
    public void add(TableSnapshot state, Set<Integer> segments) {
        running.put(state.table(), factory.apply(state, segments));
    }

    public void start(Runnable wake) {
        this.wake = wake;
        running.values().forEach(snapshotter -> snapshotter.start(wake));
    }

    public boolean isEmpty() {
        return running.isEmpty() && resnapshotRequests.isEmpty();
    }

    /** Whether this task runs an unfinished snapshot of {@code table}. */
    public boolean snapshotting(String table) {
        TableSnapshotter snapshotter = running.get(table);
        return snapshotter != null && !snapshotter.complete();
    }

    /** The poll thread read a stream change of {@code table}. */
    public void streamChange(String table, Map<String, AttributeValue> key) {
        TableSnapshotter snapshotter = running.get(table);
        if (snapshotter != null && !snapshotter.complete()) {
            snapshotter.streamChange(key);
        }
    }

    /** Tables with pages waiting, with the moment their shards must be read after; see {@link TableSnapshotter#readStreamAfter()}. */
    public Map<String, Long> streamReadsNeeded() {
        Map<String, Long> needed = new LinkedHashMap<>();
        running.forEach((table, snapshotter) -> {
            OptionalLong after = snapshotter.readStreamAfter();
            if (after.isPresent()) {
                needed.put(table, after.getAsLong());
            }
        });
        return needed;
    }

    /** Whether the connector snapshotted {@code table} before: some progress of it is committed. */
    public boolean tableReadBefore(String table) {
        if (offsets == null) {
            return false;
        }
        TableSnapshot state = offsets.read(table, segments);
        return state.epoch() > 1 || state.scanned() > 0 || state.segmentsDone() > 0;
    }

    /** A stored stream position of {@code table} was trimmed: snapshot it again (snapshot.mode=when_needed). */
    public void requestResnapshot(String table) {
        resnapshotRequests.add(table);
    }

    /**
     * Appends what is ready: the epoch markers of requested re-snapshots, then the rows of every page the
     * stream has been read past.
     *
     * @param streamReadAfter whether the given table's shards were all read to an empty page by a request made
     *                        at or after the given {@code System.nanoTime()}
     */
    public void emit(BiPredicate<String, Long> streamReadAfter, List<SourceRecord> out) {
        for (String table : resnapshotRequests) {
            startNewEpoch(table, out);
        }
        resnapshotRequests.clear();
        running.forEach((table, snapshotter) -> {
            if (!snapshotter.complete()) {
                snapshotter.emitReady(after -> streamReadAfter.test(table, after), out);
            }
        });
    }

    /**
     * Commits the next epoch of {@code table}. A snapshot of it running here restarts at once; otherwise the
     * connector sees the epoch at its next discovery and gives the table's shards and scan to one task.
     */
    private void startNewEpoch(String table, List<SourceRecord> out) {
        TableSnapshotter current = running.remove(table);
        long epoch = current != null ? current.epoch() : offsets.read(table, segments).epoch();
        SnapshotEpoch next = new SnapshotEpoch(table, epoch + 1);
        out.add(records.epochMarker(next));
        log.warn("Snapshot epoch {} of table {} requested: its stream lost changes to trimming", next.epoch(), table);
        if (current != null) {
            current.close();
            TableSnapshotter restarted = factory.apply(TableSnapshot.begin(table, next.epoch(), segments), Set.of());
            running.put(table, restarted);
            restarted.start(wake);
        }
    }

    @Override
    public void close() {
        running.values().forEach(TableSnapshotter::close);
    }
}
