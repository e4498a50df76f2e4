package dev.shardbridge.source.offset;

import org.apache.kafka.connect.storage.OffsetStorageReader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Reads the snapshot state of tables from Connect's offsets, for the connector (which tables still need their
 * snapshot) and for the task that runs one (where each segment resumes). Only the snapshotting task writes
 * them, so what it reads at start is what it left.
 */
public final class SnapshotOffsets {

    private final OffsetStorageReader reader;

    public SnapshotOffsets(OffsetStorageReader reader) {
        this.reader = reader;
    }

    /**
     * The current snapshot of {@code table}. A snapshot in progress keeps its own segment count, even if
     * {@code configuredSegments} changed since, so no finished segment is scanned again.
     */
    public TableSnapshot read(String table, int configuredSegments) {
        Optional<SnapshotEpoch> epoch = Optional.ofNullable(reader.offset(SnapshotEpoch.partitionOf(table)))
                .map(offset -> SnapshotEpoch.fromMaps(SnapshotEpoch.partitionOf(table), offset));
        long current = epoch.map(SnapshotEpoch::epoch).orElse(1L);
        Map<Integer, SegmentProgress> found = segments(table, 0, configuredSegments);
        int segments = found.values().stream().filter(progress -> progress.epoch() == current)
                .mapToInt(SegmentProgress::segments).max().orElse(configuredSegments);
        if (segments > configuredSegments) {
            found.putAll(segments(table, configuredSegments, segments));
        }
        return TableSnapshot.of(table, epoch, segments, found);
    }

    private Map<Integer, SegmentProgress> segments(String table, int from, int to) {
        List<Map<String, Object>> partitions = IntStream.range(from, to)
                .mapToObj(segment -> new SegmentPartition(table, segment).toMap()).toList();
        Map<Integer, SegmentProgress> found = new HashMap<>();
        reader.offsets(partitions).forEach((partitionMap, offsetMap) -> {
            if (offsetMap != null) {
                SegmentPartition partition = SegmentPartition.fromMap(partitionMap);
                found.put(partition.segment(), SegmentProgress.fromMap(partition, offsetMap));
            }
        });
        return found;
    }
}
