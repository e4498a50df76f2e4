package dev.shardbridge.source.offset;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Where a table's current snapshot stands, read from offsets: its epoch, its segment count and each
 * segment's progress. Progress from another epoch or segment count does not count.
 *
 * @param table    the table
 * @param epoch    the current snapshot (1 unless a re-snapshot was requested)
 * @param segments the segment count of the current snapshot: the one its progress was made with, else the configured one
 * @param progress each segment's progress, index = segment number; a segment not begun has its start
 */
public record TableSnapshot(String table, long epoch, int segments, List<SegmentProgress> progress) {

    public TableSnapshot {
        progress = List.copyOf(progress);
    }

    /** The state from the committed epoch (if any) and whatever segment progress exists. */
    static TableSnapshot of(String table, Optional<SnapshotEpoch> committedEpoch, int segments,
                            Map<Integer, SegmentProgress> found) {
        long epoch = committedEpoch.map(SnapshotEpoch::epoch).orElse(1L);
        List<SegmentProgress> progress = IntStream.range(0, segments).mapToObj(segment -> {
            SegmentProgress stored = found.get(segment);
            return stored != null && stored.epoch() == epoch && stored.segments() == segments ? stored
                    : SegmentProgress.start(new SegmentPartition(table, segment), epoch, segments);
        }).toList();
        return new TableSnapshot(table, epoch, segments, progress);
    }

    /** A new snapshot of {@code table} with nothing scanned yet. */
    public static TableSnapshot begin(String table, long epoch, int segments) {
        return of(table, Optional.of(new SnapshotEpoch(table, epoch)), segments, Map.of());
    }

    /** Every segment of the current snapshot is done. */
    public boolean complete() {
        return progress.stream().allMatch(SegmentProgress::done);
    }

    public long segmentsDone() {
        return progress.stream().filter(SegmentProgress::done).count();
    }

    public long scanned() {
        return progress.stream().mapToLong(SegmentProgress::scanned).sum();
    }
}
