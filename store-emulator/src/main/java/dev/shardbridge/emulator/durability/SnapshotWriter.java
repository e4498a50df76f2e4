package dev.shardbridge.emulator.durability;

import dev.shardbridge.emulator.durability.JournalEntry.ItemsSaved;
import dev.shardbridge.emulator.durability.JournalEntry.RecordsSaved;
import dev.shardbridge.emulator.durability.JournalEntry.SnapshotFinished;
import dev.shardbridge.emulator.durability.JournalEntry.SnapshotStarted;
import dev.shardbridge.emulator.durability.JournalEntry.StreamSaved;
import dev.shardbridge.emulator.durability.JournalEntry.TableCreated;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.stream.SequenceNumbers;
import dev.shardbridge.emulator.stream.ShardState;
import dev.shardbridge.emulator.stream.StreamCatalog;
import dev.shardbridge.emulator.stream.StreamRecord;
import dev.shardbridge.emulator.stream.StreamState;
import dev.shardbridge.emulator.stream.TableStream;
import dev.shardbridge.emulator.stream.TableStreams;
import dev.shardbridge.emulator.table.ItemKey;
import dev.shardbridge.emulator.table.StoredItem;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.time.EmulatorClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a snapshot of all state while writes go on ("fuzzy"), to be loaded together with the log from
 * the segment that was current when it began. That is correct because (1) every entry is absolute, so
 * replaying that log over state at least as new as the segment's start ends in the same state however
 * new each part of the snapshot is; and (2) the snapshot never holds a change the log has not been
 * given: items are read under their lock, streams under their owner's lock, tables from the journal's
 * view, and {@link Compactor} forces the log up to where it stood when reading ended before publishing.
 * Without (2) a crash could keep, say, an item change from the snapshot while losing its stream record
 * with the log tail. Streams are written before tables, so a table's structure is the newer one.
 */
final class SnapshotWriter {
    private static final int BATCH_BYTES = 1 << 20;
    private static final int BATCH_COUNT = 1000;

    /** What a snapshot holds. */
    record Summary(long tables, long items, long records, long bytes) {
    }

    private final FileChannel channel;
    private final FrameBuffer buffer = new FrameBuffer(2 * BATCH_BYTES);
    private long bytes;

    private SnapshotWriter(FileChannel channel) {
        this.channel = channel;
    }

    /** Writes and forces a snapshot to {@code file}, which must not exist yet. */
    static Summary write(Path file, long replayFrom, Journal journal, StreamCatalog streams,
                         SequenceNumbers sequences, EmulatorClock clock) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            SnapshotWriter out = new SnapshotWriter(channel);
            out.add(new SnapshotStarted(EntryCodec.FORMAT_VERSION, replayFrom, sequences.lastAllocated(),
                    clock.offset().toMillis(), streams.partitionOverrides()));
            long records = 0;
            for (TableStream stream : streams.registry().list(null, null)) {
                TableStreams owner = journal.ownerOf(stream.arn());
                records += out.addStream(owner == null ? stream.state(true) : owner.stateOf(stream, true));
            }
            long tables = 0;
            long items = 0;
            for (Journal.LiveTable live : journal.liveTables()) {
                out.add(new TableCreated(live.definition(), live.streams().state()));
                items += out.addItems(live);
                tables++;
            }
            out.add(new SnapshotFinished(tables, items, records));
            out.drain();
            channel.force(true);
            return new Summary(tables, items, records, out.bytes);
        }
    }

    /** The stream's structure, then its records in batches; returns how many records. */
    private long addStream(StreamState stream) throws IOException {
        List<ShardState> shards = new ArrayList<>(stream.shards().size());
        for (ShardState shard : stream.shards()) {
            shards.add(new ShardState(shard.id(), shard.parentId(), shard.range(), shard.startingSequence(),
                    shard.createdAtMillis(), shard.endingSequence(), shard.closedAtMillis(), shard.trimHorizon(),
                    shard.lastTrimmedSequence(), List.of()));
        }
        add(new StreamSaved(new StreamState(stream.arn(), stream.label(), stream.tableName(), stream.keySchema(),
                stream.viewType(), stream.createdAtMillis(), stream.status(), stream.disabledAtMillis(), shards)));
        long count = 0;
        for (ShardState shard : stream.shards()) {
            List<StreamRecord> batch = new ArrayList<>();
            long batchBytes = 0;
            for (StreamRecord record : shard.records()) {
                batch.add(record);
                batchBytes += record.sizeBytes();
                if (batch.size() >= BATCH_COUNT || batchBytes >= BATCH_BYTES) {
                    add(new RecordsSaved(stream.arn(), shard.id(), batch));
                    batch = new ArrayList<>();
                    batchBytes = 0;
                }
            }
            if (!batch.isEmpty()) {
                add(new RecordsSaved(stream.arn(), shard.id(), batch));
            }
            count += shard.records().size();
        }
        return count;
    }

    /** The table's items in batches, each read settled; returns how many. */
    private long addItems(Journal.LiveTable live) throws IOException {
        Table table = live.table();
        String name = live.definition().name();
        String id = live.definition().id();
        List<Map<String, AttributeValue>> batch = new ArrayList<>();
        long batchBytes = 0;
        long count = 0;
        for (ItemKey key : table.items().keySet()) {
            StoredItem item = table.settledItem(key);
            if (item == null) {
                continue; // deleted since the key was listed; the log has the deletion
            }
            batch.add(item.attributes());
            batchBytes += item.sizeBytes();
            count++;
            if (batch.size() >= BATCH_COUNT || batchBytes >= BATCH_BYTES) {
                add(new ItemsSaved(name, id, batch));
                batch = new ArrayList<>();
                batchBytes = 0;
            }
        }
        if (!batch.isEmpty()) {
            add(new ItemsSaved(name, id, batch));
        }
        return count;
    }

    private void add(JournalEntry entry) throws IOException {
        EntryCodec.encode(entry, buffer);
        if (buffer.size() >= BATCH_BYTES) {
            drain();
        }
    }

    private void drain() throws IOException {
        ByteBuffer out = ByteBuffer.wrap(buffer.array(), 0, buffer.size());
        while (out.hasRemaining()) {
            channel.write(out);
        }
        bytes += buffer.size();
        buffer.clear();
    }
}
