package dev.shardbridge.emulator.admin;

import dev.shardbridge.emulator.stream.ShardStats;
import java.util.List;

/**
 * The shards of a table's current stream with their counters.
 *
 * @param table      the table
 * @param partitions the table's hash partitions now
 * @param streamArn  the current (latest) stream, or null when the table never had one
 * @param shards     every shard of that stream still listed, parents before children
 */
public record TableShards(String table, int partitions, String streamArn, List<ShardStats> shards) {

    public TableShards {
        shards = List.copyOf(shards);
    }

    /** How many shards are open, i.e. one per partition while the stream is enabled. */
    public long openShards() {
        return shards.stream().filter(ShardStats::open).count();
    }
}
