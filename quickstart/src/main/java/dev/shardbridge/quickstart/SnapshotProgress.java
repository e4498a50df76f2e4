package dev.shardbridge.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * How far the source's snapshot of a table has come, as its committed offsets say: one source partition
 * {@code {"table", "snapshot_segment"}} per segment of the parallel Scan, with offset
 * {@code {"epoch", "segments", "last_key", "done", "scanned"}}. Committed offsets are what a restarted task
 * resumes from, so this is the progress that survives a restart (a second or so behind the scan itself).
 *
 * @param segmentsTotal the scan's segment count; 0 before the source has committed any progress
 * @param required      whether the source snapshots at all; without it there is nothing to wait for
 */
record SnapshotProgress(int segmentsDone, int segmentsTotal, long itemsScanned, boolean required) {
    static final String SEGMENT_KEY = "snapshot_segment";

    /** A source that does not snapshot (start.position other than snapshot, or snapshot.mode=never). */
    static final SnapshotProgress NONE = new SnapshotProgress(0, 0, 0, false);
    static final SnapshotProgress NOT_STARTED = new SnapshotProgress(0, 0, 0, true);

    /** The progress of {@code table}'s newest snapshot epoch in a {@code GET /connectors/<name>/offsets} body. */
    static SnapshotProgress fromOffsets(JsonNode body, String table) {
        List<JsonNode> segments = new ArrayList<>();
        for (JsonNode entry : body.path("offsets")) {
            JsonNode partition = entry.path("partition");
            if (partition.has(SEGMENT_KEY) && table.equals(partition.path("table").asText())) {
                segments.add(entry.path("offset"));
            }
        }
        long epoch = segments.stream().mapToLong(offset -> offset.path("epoch").asLong()).max().orElse(0);
        int done = 0;
        int total = 0;
        long scanned = 0;
        for (JsonNode offset : segments) {
            if (offset.path("epoch").asLong() == epoch) { // segments of an earlier epoch are history
                total = offset.path("segments").asInt();
                done += offset.path("done").asBoolean() ? 1 : 0;
                scanned += offset.path("scanned").asLong();
            }
        }
        return new SnapshotProgress(done, total, scanned, true);
    }

    /** Every segment has been scanned and its rows are in Kafka (offsets are committed after the records). */
    boolean done() {
        return !required || (segmentsTotal > 0 && segmentsDone == segmentsTotal);
    }

    /** For the progress line. */
    String text() {
        if (!required) {
            return "no snapshot";
        }
        if (segmentsTotal == 0) {
            return "snapshot starting";
        }
        return String.format("snapshot %d/%d, %,d items", segmentsDone, segmentsTotal, itemsScanned);
    }
}
