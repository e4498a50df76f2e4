package dev.shardbridge.emulator.durability;

import dev.shardbridge.emulator.durability.JournalEntry.ClockAdvanced;
import dev.shardbridge.emulator.durability.JournalEntry.ItemChanged;
import dev.shardbridge.emulator.durability.JournalEntry.PartitionsOverridden;
import dev.shardbridge.emulator.durability.JournalEntry.StructureChanged;
import dev.shardbridge.emulator.durability.JournalEntry.TableCreated;
import dev.shardbridge.emulator.durability.JournalEntry.TableDeleted;
import dev.shardbridge.emulator.durability.JournalEntry.TableUpdated;
import dev.shardbridge.emulator.stream.Shard;
import dev.shardbridge.emulator.stream.StreamJournal;
import dev.shardbridge.emulator.stream.StreamRecord;
import dev.shardbridge.emulator.stream.TableStreams;
import dev.shardbridge.emulator.stream.TableStreamsState;
import dev.shardbridge.emulator.table.ItemKey;
import dev.shardbridge.emulator.table.StoredItem;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableDefinition;
import dev.shardbridge.emulator.time.EmulatorClock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns every state change into a log entry: item changes and stream structure as the streams'
 * {@link StreamJournal}, table lifecycle through {@link JournaledLifecycle}, the clock offset by
 * polling. Entries are encoded by the calling thread, inside the lock of what changed, so the log has
 * each item's and each table's changes in the order they happened.
 *
 * <p>It also keeps what a fuzzy snapshot needs to read state the log already has: the live tables as
 * the log knows them (updated after their entry is appended) and the owner of every stream, under
 * whose lock each change to that stream and its entry happen together.
 */
final class Journal implements StreamJournal {
    private static final ThreadLocal<FrameBuffer> BUFFERS = ThreadLocal.withInitial(() -> new FrameBuffer(8192));

    private final EmulatorClock clock;
    private final ThreadLocal<long[]> operationPosition = ThreadLocal.withInitial(() -> new long[1]);
    private final ConcurrentHashMap<String, LiveTable> tables = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, TableStreams> streamOwners = new ConcurrentHashMap<>();
    private volatile LogWriter writer;
    private long loggedClockOffset;

    /**
     * A table incarnation as the log knows it: the definition last logged (a table's own may already be
     * newer while its entry is being written) and the objects a snapshot reads its items and streams from.
     */
    record LiveTable(TableDefinition definition, Table table, TableStreams streams) {
    }

    Journal(EmulatorClock clock) {
        this.clock = clock;
    }

    /** Starts logging, once recovery has rebuilt state (which tells the journal nothing). */
    void attach(LogWriter logWriter, List<LiveTable> recovered, long recoveredClockOffset) {
        for (LiveTable live : recovered) {
            tables.put(live.table().name(), live);
            var current = live.streams().current();
            if (current != null) {
                streamOwners.put(current.arn(), live.streams());
            }
        }
        loggedClockOffset = recoveredClockOffset;
        this.writer = logWriter;
        pollClock();
    }

    @Override
    public void itemChanged(TableStreams streams, ItemKey key, StoredItem after, Shard shard, StreamRecord record) {
        String streamArn = record == null ? null : streams.current().arn();
        append(new ItemChanged(streams.tableName(), streams.tableId(), key.partition(), key.sort(),
                after == null ? null : after.attributes(), streamArn, shard == null ? null : shard.id(), record));
    }

    @Override
    public void structureChanged(TableStreams streams) {
        TableStreamsState state = streams.state();
        append(new StructureChanged(state));
        if (state.current() != null) {
            streamOwners.put(state.current().arn(), streams);
        }
    }

    @Override
    public void partitionsOverridden(String tableName, int partitions) {
        append(new PartitionsOverridden(tableName, partitions));
    }

    void tableCreated(Table table, TableStreams streams) {
        TableStreamsState state = streams.state();
        append(new TableCreated(table.definition(), state));
        tables.put(table.name(), new LiveTable(table.definition(), table, streams));
        if (state.current() != null) {
            streamOwners.put(state.current().arn(), streams);
        }
    }

    void tableUpdated(Table table) {
        TableDefinition definition = table.definition();
        append(new TableUpdated(definition));
        tables.computeIfPresent(table.name(),
                (name, live) -> live.table() == table ? new LiveTable(definition, table, live.streams()) : live);
    }

    void tableDeleted(Table table) {
        append(new TableDeleted(table.name(), table.definition().id()));
        tables.computeIfPresent(table.name(), (name, live) -> live.table() == table ? null : live);
    }

    /** Logs the clock offset if it moved since it was last logged; runs on the flusher's tick. */
    synchronized void pollClock() {
        long offset = clock.offset().toMillis();
        if (offset != loggedClockOffset) {
            append(new ClockAdvanced(offset));
            loggedClockOffset = offset;
        }
    }

    /** An operation starts on this thread: what it logs from now on is what it will wait for. */
    void operationStarted() {
        operationPosition.get()[0] = 0;
    }

    /** Waits until every entry this thread logged since {@link #operationStarted()} is on disk. */
    void awaitOperationDurable() {
        long[] position = operationPosition.get();
        if (position[0] > 0) {
            writer.awaitDurable(position[0]);
            position[0] = 0;
        }
    }

    Collection<LiveTable> liveTables() {
        return tables.values();
    }

    /** The streams object under whose lock the stream changes, or null for a stream nothing changes. */
    TableStreams ownerOf(String streamArn) {
        return streamOwners.get(streamArn);
    }

    /** Forgets owners of streams that aged out. */
    void retainOwners(Set<String> streamArns) {
        streamOwners.keySet().retainAll(streamArns);
    }

    private void append(JournalEntry entry) {
        LogWriter log = writer;
        if (log == null) {
            throw new IllegalStateException("state changed before the durable log was recovered");
        }
        FrameBuffer buffer = BUFFERS.get();
        buffer.clear();
        EntryCodec.encode(entry, buffer);
        long position = log.append(buffer.array(), 0, buffer.size());
        long[] mine = operationPosition.get();
        if (position > mine[0]) {
            mine[0] = position;
        }
    }
}
