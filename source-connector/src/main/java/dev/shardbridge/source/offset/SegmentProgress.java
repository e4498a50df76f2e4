package dev.shardbridge.source.offset;

import org.apache.kafka.connect.errors.ConnectException;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How far one segment of a snapshot scan has come: the key the scan resumes after (Scan's
 * {@code ExclusiveStartKey}, in DynamoDB JSON), or done. Progress counts only for the snapshot it was made in:
 * the same epoch and the same number of segments, since a segment's items depend on {@code TotalSegments}.
 *
 * @param partition the table and segment
 * @param epoch     the snapshot it belongs to: 1 for the first, one more for each re-snapshot
 * @param segments  the scan's TotalSegments
 * @param lastKey   the key of the last item whose row was emitted or superseded; null before the first page
 * @param done      every item of the segment was scanned and its row emitted or superseded
 * @param scanned   items scanned in this segment so far, for progress metrics across restarts
 */
public record SegmentProgress(SegmentPartition partition, long epoch, int segments, String lastKey, boolean done,
                              long scanned) {

    public static final String EPOCH_KEY = "epoch";
    public static final String SEGMENTS_KEY = "segments";
    public static final String LAST_KEY_KEY = "last_key";
    public static final String DONE_KEY = "done";
    public static final String SCANNED_KEY = "scanned";

    public SegmentProgress {
        Objects.requireNonNull(partition, "partition");
        String where = describe(partition);
        if (epoch < 1) {
            throw new ConnectException("Offset '" + EPOCH_KEY + "' of " + where + " must be 1 or more, got " + epoch);
        }
        if (segments < 1 || partition.segment() >= segments) {
            throw new ConnectException("Offset '" + SEGMENTS_KEY + "' of " + where + " must be more than the segment"
                    + " number " + partition.segment() + ", got " + segments);
        }
        if (scanned < 0) {
            throw new ConnectException("Offset '" + SCANNED_KEY + "' of " + where + " must not be negative");
        }
    }

    /** A segment not yet begun. */
    public static SegmentProgress start(SegmentPartition partition, long epoch, int segments) {
        return new SegmentProgress(partition, epoch, segments, null, false, 0);
    }

    /** This segment, resuming after {@code key}, with {@code items} more scanned. */
    public SegmentProgress after(String key, long items) {
        return new SegmentProgress(partition, epoch, segments, key, false, scanned + items);
    }

    /** This segment, finished, with {@code items} more scanned. */
    public SegmentProgress finished(long items) {
        return new SegmentProgress(partition, epoch, segments, lastKey, true, scanned + items);
    }

    public Optional<String> resumeAfter() {
        return Optional.ofNullable(lastKey);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new HashMap<>();
        map.put(EPOCH_KEY, epoch);
        map.put(SEGMENTS_KEY, segments);
        if (lastKey != null) {
            map.put(LAST_KEY_KEY, lastKey);
        }
        map.put(DONE_KEY, done);
        map.put(SCANNED_KEY, scanned);
        return Map.copyOf(map);
    }

    public static SegmentProgress fromMap(SegmentPartition partition, Map<String, ?> map) {
        String what = "offset of " + describe(partition);
        if (map == null) {
            throw new ConnectException("Offset of " + describe(partition) + " is missing");
        }
        OffsetMaps.rejectUnknownKeys(what, map, Set.of(EPOCH_KEY, SEGMENTS_KEY, LAST_KEY_KEY, DONE_KEY, SCANNED_KEY));
        Long epoch = OffsetMaps.number(what, map, EPOCH_KEY);
        Long segments = OffsetMaps.number(what, map, SEGMENTS_KEY);
        if (epoch == null || segments == null) {
            throw new ConnectException("The " + what + " needs '" + EPOCH_KEY + "' and '" + SEGMENTS_KEY + "'");
        }
        if (segments > Integer.MAX_VALUE) {
            throw new ConnectException("Offset '" + SEGMENTS_KEY + "' of " + describe(partition) + " is too large");
        }
        Long scanned = OffsetMaps.number(what, map, SCANNED_KEY);
        return new SegmentProgress(partition, epoch, segments.intValue(), OffsetMaps.string(what, map, LAST_KEY_KEY),
                OffsetMaps.flag(what, map, DONE_KEY), scanned == null ? 0 : scanned);
    }

    private static String describe(SegmentPartition partition) {
        return partition.table() + " snapshot segment " + partition.segment();
    }
}
