package dev.shardbridge.event;

import java.util.Objects;

/**
 * The shard a source task reads, with what an event needs to know about it. GetRecords results do
 * not name their stream or table, so the reader supplies them.
 *
 * @param table     the table name
 * @param tableKey  the table's primary key attribute names
 * @param streamArn the stream's ARN
 * @param shardId   the shard's id
 */
public record StreamShard(String table, TableKey tableKey, String streamArn, String shardId) {

    public StreamShard {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(tableKey, "tableKey");
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(shardId, "shardId");
    }
}
