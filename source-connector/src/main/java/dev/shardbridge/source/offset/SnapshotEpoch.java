package dev.shardbridge.source.offset;

import org.apache.kafka.connect.errors.ConnectException;

import java.util.Map;
import java.util.Set;

/**
 * Which snapshot of a table is current. Absent means the first (epoch 1); under {@code snapshot.mode=when_needed}
 * a task that finds a stream position trimmed commits the next epoch, which makes every segment's progress
 * stale and so starts a new scan.
 *
 * @param table the table
 * @param epoch the current snapshot, 1 or more
 */
public record SnapshotEpoch(String table, long epoch) {

    public static final String SNAPSHOT_KEY = "snapshot";
    /** The value of {@value #SNAPSHOT_KEY} in the partition map: there is one epoch partition per table. */
    public static final String EPOCH_PARTITION = "epoch";
    public static final String EPOCH_KEY = "epoch";

    public SnapshotEpoch {
        ShardPartition.requireTableName(table);
        if (epoch < 1) {
            throw new ConnectException("Snapshot epoch of " + table + " must be 1 or more, got " + epoch);
        }
    }

    public static Map<String, String> partitionOf(String table) {
        return PartitionMaps.of(ShardPartition.TABLE_KEY, table, SNAPSHOT_KEY, EPOCH_PARTITION);
    }

    public Map<String, String> partition() {
        return partitionOf(table);
    }

    public Map<String, Object> toMap() {
        return Map.of(EPOCH_KEY, epoch);
    }

    /** Whether {@code map} has this partition's shape. */
    public static boolean matches(Map<String, ?> map) {
        return map != null && map.containsKey(SNAPSHOT_KEY);
    }

    public static SnapshotEpoch fromMaps(Map<String, ?> partition, Map<String, ?> offset) {
        String what = "source partition";
        OffsetMaps.rejectUnknownKeys(what, partition, Set.of(ShardPartition.TABLE_KEY, SNAPSHOT_KEY));
        if (!EPOCH_PARTITION.equals(partition.get(SNAPSHOT_KEY))) {
            throw new ConnectException("Source partition '" + SNAPSHOT_KEY + "' must be '" + EPOCH_PARTITION
                    + "', got " + partition.get(SNAPSHOT_KEY));
        }
        String table = OffsetMaps.string(what, partition, ShardPartition.TABLE_KEY);
        OffsetMaps.rejectUnknownKeys("offset of the snapshot epoch of " + table, offset, Set.of(EPOCH_KEY));
        Long epoch = OffsetMaps.number("offset of the snapshot epoch of " + table, offset, EPOCH_KEY);
        if (epoch == null) {
            throw new ConnectException("The offset of the snapshot epoch of " + table + " needs '" + EPOCH_KEY + "'");
        }
        return new SnapshotEpoch(table, epoch);
    }
}
