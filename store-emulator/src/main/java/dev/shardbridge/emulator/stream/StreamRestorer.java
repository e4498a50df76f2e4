package dev.shardbridge.emulator.stream;

import dev.shardbridge.emulator.table.ItemKey;
import dev.shardbridge.emulator.table.StoredItem;
import java.util.List;
import java.util.NavigableMap;

/**
 * Rebuilds change-stream state from a snapshot and the durable log, without telling the journal.
 * Descriptions are absolute: applying one over state that is older or newer leaves what the last one
 * applied says, so a log replayed over a snapshot that already holds part of it converges.
 * Single-threaded: used before the emulator serves.
 */
public final class StreamRestorer {
    private final StreamCatalog catalog;

    public StreamRestorer(StreamCatalog catalog) {
        this.catalog = catalog;
    }

    /** A stream and its shards (not their records) as described: created, or updated in place. */
    public TableStream restoreStream(StreamState state) {
        StreamRegistry registry = catalog.registry();
        TableStream stream = registry.stream(state.arn());
        if (stream == null) {
            stream = TableStream.restored(state);
            registry.register(stream);
        } else {
            stream.restore(state);
        }
        return stream;
    }

    /**
     * Appends records to a shard, skipping those it already has; returns how many were new. Records of
     * a stream or shard that no longer exists (aged out before the snapshot) are skipped.
     */
    public int restoreRecords(String streamArn, String shardId, List<StreamRecord> records) {
        TableStream stream = catalog.registry().stream(streamArn);
        Shard shard = stream == null ? null : stream.shard(shardId);
        if (shard == null) {
            return 0;
        }
        int added = 0;
        for (StreamRecord record : records) {
            if (shard.restoreRecord(record)) {
                added++;
            }
        }
        return added;
    }

    /**
     * A created table's partitions and current stream. A table of the same name but another incarnation
     * is replaced, as a replayed re-creation replaces the deleted table.
     */
    public TableStreams restoreTable(TableStreamsState state) {
        TableStream current = state.current() == null ? null : restoreStream(state.current());
        TableStreams streams = catalog.streamsOf(state.tableName());
        if (streams == null || !streams.tableId().equals(state.tableId())) {
            streams = new TableStreams(state.tableName(), state.tableId(), state.partitions().size(),
                    catalog.context());
            catalog.restoreStreams(streams);
        }
        streams.restore(state, current);
        return streams;
    }

    /**
     * A structure change: the described stream always (it stays readable after its table is deleted),
     * the partitions only while that table incarnation lives. Returns the live streams or null.
     */
    public TableStreams restoreStructure(TableStreamsState state) {
        TableStream current = state.current() == null ? null : restoreStream(state.current());
        TableStreams streams = catalog.streamsOf(state.tableName());
        if (streams == null || !streams.tableId().equals(state.tableId())) {
            return null;
        }
        streams.restore(state, current);
        return streams;
    }

    /** A deleted table incarnation's partitions go; its streams stay readable until they age out. */
    public void forgetTable(String tableName, String tableId) {
        catalog.forgetStreams(tableName, tableId);
    }

    public void restorePartitionOverride(String tableName, int partitions) {
        catalog.restorePartitionOverride(tableName, partitions);
    }

    /** Once items are back: each partition's data size, which size-triggered splits compare. */
    public void restorePartitionBytes(String tableName, String tableId, NavigableMap<ItemKey, StoredItem> items) {
        TableStreams streams = catalog.streamsOf(tableName);
        if (streams != null && streams.tableId().equals(tableId)) {
            streams.restorePartitionBytes(items);
        }
    }
}
