package dev.shardbridge.emulator.stream;

import java.util.List;

/**
 * A table's stream structure as the durable log records it: its hash partitions and its current stream
 * with the open shard of each partition. Earlier streams of the table are recorded on their own: once
 * a stream is no longer current nothing but retention changes it.
 *
 * @param shardCounter the counter shard ids are derived from, so restored tables keep deriving new ids
 * @param current      the current stream (enabled or the last disabled one), or null if it never had one
 * @param openShardIds the open shard of each partition, in partition order; empty unless enabled
 */
public record TableStreamsState(String tableName, String tableId, List<HashRange> partitions, int shardCounter,
                                StreamState current, List<String> openShardIds) {

    public TableStreamsState {
        partitions = List.copyOf(partitions);
        openShardIds = List.copyOf(openShardIds);
    }
}
