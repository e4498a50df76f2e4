package dev.shardbridge.source.offset;

import org.apache.kafka.connect.errors.ConnectException;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Connect source partition of one stream shard. It names the table and the shard only, never a task,
 * so a shard keeps its position when it moves to another task or worker.
 */
public record ShardPartition(String table, String shardId) {

    public static final String TABLE_KEY = "table";
    public static final String SHARD_KEY = "shard";

    /** DynamoDB's own rule for table names. */
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    /** AWS documents shard ids as 28 to 65 characters; emulators use shorter ones, so only the maximum is kept. */
    private static final int MAX_SHARD_ID_LENGTH = 65;

    public ShardPartition {
        requireTableName(table);
        if (shardId == null || shardId.isBlank() || shardId.length() > MAX_SHARD_ID_LENGTH) {
            throw new ConnectException("Source partition '" + SHARD_KEY + "' must be a shard id of 1-"
                    + MAX_SHARD_ID_LENGTH + " characters, got " + quoted(shardId));
        }
    }

    /** Every source partition names its table; the same rule for all of them. */
    static void requireTableName(String table) {
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new ConnectException("Source partition '" + TABLE_KEY + "' must be a DynamoDB table name"
                    + " (3-255 characters of a-z, A-Z, 0-9, '_', '-', '.'), got " + quoted(table));
        }
    }

    public Map<String, String> toMap() {
        return PartitionMaps.of(TABLE_KEY, table, SHARD_KEY, shardId);
    }

    public static ShardPartition fromMap(Map<String, ?> map) {
        if (map == null) {
            throw new ConnectException("Source partition is missing; expected {" + TABLE_KEY + ", " + SHARD_KEY + "}");
        }
        OffsetMaps.rejectUnknownKeys("source partition", map, Set.of(TABLE_KEY, SHARD_KEY));
        return new ShardPartition(OffsetMaps.string("source partition", map, TABLE_KEY),
                OffsetMaps.string("source partition", map, SHARD_KEY));
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
