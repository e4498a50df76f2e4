package dev.shardbridge.emulator.stream;

import dev.shardbridge.emulator.model.KeySchema;
import dev.shardbridge.emulator.table.StreamViewType;
import java.util.List;

/**
 * A stream (one enablement of a table's stream) as the durable log records it.
 *
 * @param disabledAtMillis when it was disabled, or -1 while enabled
 * @param shards           every shard still listed, parents before children
 */
public record StreamState(String arn, String label, String tableName, KeySchema keySchema, StreamViewType viewType,
                          long createdAtMillis, StreamStatus status, long disabledAtMillis, List<ShardState> shards) {

    public StreamState {
        shards = List.copyOf(shards);
    }
}
