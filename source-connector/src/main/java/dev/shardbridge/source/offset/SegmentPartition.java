package dev.shardbridge.source.offset;

import org.apache.kafka.connect.errors.ConnectException;

import java.util.Map;
import java.util.Set;

/**
 * The Connect source partition of one segment of a table's snapshot scan. Like {@link ShardPartition} it names
 * no task, so a segment keeps its progress wherever the snapshot runs next.
 */
public record SegmentPartition(String table, int segment) {

    public static final String SEGMENT_KEY = "snapshot_segment";

    public SegmentPartition {
        ShardPartition.requireTableName(table);
        if (segment < 0) {
            throw new ConnectException("Source partition '" + SEGMENT_KEY + "' must be 0 or more, got " + segment);
        }
    }

    public Map<String, Object> toMap() {
        return PartitionMaps.of(ShardPartition.TABLE_KEY, table, SEGMENT_KEY, (Object) segment);
    }

    /** Whether {@code map} has this partition's shape rather than a shard's or an epoch's. */
    public static boolean matches(Map<String, ?> map) {
        return map != null && map.containsKey(SEGMENT_KEY);
    }

    public static SegmentPartition fromMap(Map<String, ?> map) {
        String what = "source partition";
        OffsetMaps.rejectUnknownKeys(what, map, Set.of(ShardPartition.TABLE_KEY, SEGMENT_KEY));
        Long segment = OffsetMaps.number(what, map, SEGMENT_KEY);
        if (segment == null || segment > Integer.MAX_VALUE) {
            throw new ConnectException("Source partition '" + SEGMENT_KEY + "' must be a segment number, got " + segment);
        }
        return new SegmentPartition(OffsetMaps.string(what, map, ShardPartition.TABLE_KEY), segment.intValue());
    }
}
