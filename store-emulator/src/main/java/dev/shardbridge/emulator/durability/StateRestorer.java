package dev.shardbridge.emulator.durability;

import dev.shardbridge.emulator.durability.JournalEntry.ClockAdvanced;
import dev.shardbridge.emulator.durability.JournalEntry.ItemChanged;
import dev.shardbridge.emulator.durability.JournalEntry.ItemsSaved;
import dev.shardbridge.emulator.durability.JournalEntry.PartitionsOverridden;
import dev.shardbridge.emulator.durability.JournalEntry.RecordsSaved;
import dev.shardbridge.emulator.durability.JournalEntry.SnapshotStarted;
import dev.shardbridge.emulator.durability.JournalEntry.StreamSaved;
import dev.shardbridge.emulator.durability.JournalEntry.StructureChanged;
import dev.shardbridge.emulator.durability.JournalEntry.TableCreated;
import dev.shardbridge.emulator.durability.JournalEntry.TableDeleted;
import dev.shardbridge.emulator.durability.JournalEntry.TableUpdated;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.stream.SequenceNumbers;
import dev.shardbridge.emulator.stream.ShardState;
import dev.shardbridge.emulator.stream.StreamRecord;
import dev.shardbridge.emulator.stream.StreamRestorer;
import dev.shardbridge.emulator.stream.StreamState;
import dev.shardbridge.emulator.stream.TableStreamsState;
import dev.shardbridge.emulator.table.ItemKey;
import dev.shardbridge.emulator.table.LatestStream;
import dev.shardbridge.emulator.table.StoredItem;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableCatalog;
import dev.shardbridge.emulator.time.EmulatorClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Applies snapshot and log entries to the emulator's state through restore entry points that tell no
 * listener, and gathers what is restored last: the highest sequence number and time seen, the clock
 * offset. Entries are absolute, so each one leaves what it describes as it says, whatever was there.
 */
final class StateRestorer {
    private final TableCatalog tables;
    private final StreamRestorer streams;
    private long highestSequence;
    private long latestMillis;
    private long clockOffsetMillis;

    StateRestorer(TableCatalog tables, StreamRestorer streams) {
        this.tables = tables;
        this.streams = streams;
    }

    void apply(JournalEntry entry) {
        if (entry instanceof ItemChanged change) {
            applyItemChange(change);
        } else if (entry instanceof StructureChanged structure) {
            observe(structure.streams());
            if (streams.restoreStructure(structure.streams()) != null) {
                showLatestStream(structure.streams());
            }
        } else if (entry instanceof TableCreated created) {
            tables.restore(created.definition());
            observe(created.streams());
            streams.restoreTable(created.streams());
            showLatestStream(created.streams());
            latestMillis = Math.max(latestMillis, created.definition().createdAt().toEpochMilli());
        } else if (entry instanceof TableUpdated updated) {
            // Only a live incarnation is updated: one that is absent was deleted later in this same log.
            Table table = liveTable(updated.definition().name(), updated.definition().id());
            if (table != null) {
                tables.restore(updated.definition());
            }
        } else if (entry instanceof TableDeleted deleted) {
            tables.restoreDeleted(deleted.tableName(), deleted.tableId());
            streams.forgetTable(deleted.tableName(), deleted.tableId());
        } else if (entry instanceof ClockAdvanced clock) {
            clockOffsetMillis = Math.max(clockOffsetMillis, clock.offsetMillis());
        } else if (entry instanceof PartitionsOverridden override) {
            streams.restorePartitionOverride(override.tableName(), override.partitions());
        } else {
            applySnapshotEntry(entry);
        }
    }

    private void applySnapshotEntry(JournalEntry entry) {
        if (entry instanceof ItemsSaved saved) {
            Table table = liveTable(saved.tableName(), saved.tableId());
            if (table != null) {
                for (Map<String, AttributeValue> item : saved.items()) {
                    table.restoreItem(table.keyOf(item), StoredItem.of(item));
                }
            }
        } else if (entry instanceof RecordsSaved saved) {
            saved.records().forEach(this::observe);
            streams.restoreRecords(saved.streamArn(), saved.shardId(), saved.records());
        } else if (entry instanceof StreamSaved saved) {
            observe(saved.stream());
            streams.restoreStream(saved.stream());
        } else if (entry instanceof SnapshotStarted started) {
            highestSequence = Math.max(highestSequence, started.lastSequence());
            clockOffsetMillis = Math.max(clockOffsetMillis, started.clockOffsetMillis());
            started.partitionOverrides().forEach(streams::restorePartitionOverride);
        }
        // SegmentStarted and SnapshotFinished only frame the content; recovery checks them.
    }

    private void applyItemChange(ItemChanged change) {
        Table table = liveTable(change.tableName(), change.tableId());
        if (table != null) {
            table.restoreItem(ItemKey.of(change.partitionKey(), change.sortKey()),
                    change.item() == null ? null : StoredItem.of(change.item()));
        }
        if (change.record() != null) {
            observe(change.record());
            streams.restoreRecords(change.streamArn(), change.shardId(), List.of(change.record()));
        }
    }

    /**
     * Once everything is applied: sequence numbers continue above every one restored, and the clock
     * resumes at its logged offset, or later if restored data is newer (an offset change the crash took
     * back), so it never runs backwards. Each table's partition sizes are recounted from its items.
     */
    void finish(SequenceNumbers sequences, EmulatorClock clock) {
        sequences.observe(highestSequence);
        long baseMillis = clock.millis() - clock.offset().toMillis();
        long wanted = Math.max(clockOffsetMillis, latestMillis - baseMillis);
        long advance = wanted - clock.offset().toMillis();
        if (advance > 0) {
            clock.advance(Duration.ofMillis(advance));
        }
        for (String name : tables.names()) {
            Table table = tables.find(name);
            if (table != null) {
                streams.restorePartitionBytes(name, table.definition().id(), table.items());
            }
        }
    }

    /** The clock offset as logged, before {@link #finish} moves it on. */
    long clockOffsetMillis() {
        return clockOffsetMillis;
    }

    private Table liveTable(String name, String id) {
        Table table = tables.find(name);
        return table != null && table.definition().id().equals(id) ? table : null;
    }

    /** DescribeTable's LatestStreamArn is the table's current stream, enabled or the last disabled one. */
    private void showLatestStream(TableStreamsState state) {
        Table table = liveTable(state.tableName(), state.tableId());
        if (table != null && state.current() != null) {
            table.latestStream(new LatestStream(state.current().arn(), state.current().label()));
        }
    }

    private void observe(TableStreamsState state) {
        if (state.current() != null) {
            observe(state.current());
        }
    }

    private void observe(StreamState stream) {
        latestMillis = Math.max(latestMillis, Math.max(stream.createdAtMillis(), stream.disabledAtMillis()));
        for (ShardState shard : stream.shards()) {
            highestSequence = Math.max(highestSequence, Math.max(shard.startingSequence(), shard.endingSequence()));
            latestMillis = Math.max(latestMillis, Math.max(shard.createdAtMillis(), shard.closedAtMillis()));
            shard.records().forEach(this::observe);
        }
    }

    private void observe(StreamRecord record) {
        highestSequence = Math.max(highestSequence, record.sequenceNumber());
        latestMillis = Math.max(latestMillis, record.createdAtMillis());
    }
}
