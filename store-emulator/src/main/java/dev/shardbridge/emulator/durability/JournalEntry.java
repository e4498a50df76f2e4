package dev.shardbridge.emulator.durability;

import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.stream.StreamRecord;
import dev.shardbridge.emulator.stream.StreamState;
import dev.shardbridge.emulator.stream.TableStreamsState;
import dev.shardbridge.emulator.table.TableDefinition;
import java.util.List;
import java.util.Map;

/**
 * One entry of the durable log or of a snapshot. Every entry is absolute: it says what something is
 * (an item, a definition, a stream's structure), never how it changed, so replaying an entry twice, or
 * over a snapshot that already holds its effect, leaves the same state.
 */
sealed interface JournalEntry {

    /** Opens every log segment: the format, and the segment's own number to catch misplaced files. */
    record SegmentStarted(int formatVersion, long segment) implements JournalEntry {
    }

    /** A table was created, with the partitions (and stream, if enabled) it was created with. */
    record TableCreated(TableDefinition definition, TableStreamsState streams) implements JournalEntry {
    }

    /** A table's definition changed (billing, stream setting). */
    record TableUpdated(TableDefinition definition) implements JournalEntry {
    }

    /** A table incarnation was deleted. */
    record TableDeleted(String tableName, String tableId) implements JournalEntry {
    }

    /**
     * An item changed, with the stream record appended for the change when the table had a stream.
     *
     * @param sortKey  null for tables without a sort key
     * @param item     the whole item after the change, or null when it was deleted
     * @param record   the complete record as served, or null (then streamArn and shardId are null too)
     */
    record ItemChanged(String tableName, String tableId, AttributeValue partitionKey, AttributeValue sortKey,
                       Map<String, AttributeValue> item, String streamArn, String shardId, StreamRecord record)
            implements JournalEntry {
    }

    /** A table's partitions or current stream changed: enable, disable, split, rollover. */
    record StructureChanged(TableStreamsState streams) implements JournalEntry {
    }

    /** The emulator clock runs this far ahead of real time. */
    record ClockAdvanced(long offsetMillis) implements JournalEntry {
    }

    /** New tables of this name get this many partitions (an admin setting). */
    record PartitionsOverridden(String tableName, int partitions) implements JournalEntry {
    }

    /**
     * Opens a snapshot.
     *
     * @param replayFrom the first log segment to replay after loading this snapshot
     */
    record SnapshotStarted(int formatVersion, long replayFrom, long lastSequence, long clockOffsetMillis,
                           Map<String, Integer> partitionOverrides) implements JournalEntry {
    }

    /** A snapshot's copy of one stream's structure; its records follow in {@link RecordsSaved} entries. */
    record StreamSaved(StreamState stream) implements JournalEntry {
    }

    /** A snapshot's copy of a run of one shard's records, in order. */
    record RecordsSaved(String streamArn, String shardId, List<StreamRecord> records) implements JournalEntry {
    }

    /** A snapshot's copy of some items of one table incarnation. */
    record ItemsSaved(String tableName, String tableId, List<Map<String, AttributeValue>> items)
            implements JournalEntry {
    }

    /** Closes a snapshot; a snapshot without it is incomplete and is not loaded. */
    record SnapshotFinished(long tables, long items, long records) implements JournalEntry {
    }
}
