package dev.shardbridge.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SnapshotProgressTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sumsTheNewestEpochsSegmentsAndIgnoresShardsOtherTablesAndEarlierEpochs() throws Exception {
        JsonNode body = JSON.readTree("""
                {"offsets": [
                  {"partition": {"table": "parcel_scans", "shard_id": "shardId-1"}, "offset": {"sequence": "7"}},
                  {"partition": {"table": "parcel_scans", "snapshot_segment": 0},
                   "offset": {"epoch": 2, "segments": 3, "done": true, "scanned": 100}},
                  {"partition": {"table": "parcel_scans", "snapshot_segment": 1},
                   "offset": {"epoch": 2, "segments": 3, "last_key": "{}", "done": false, "scanned": 40}},
                  {"partition": {"table": "parcel_scans", "snapshot_segment": 3},
                   "offset": {"epoch": 1, "segments": 4, "done": true, "scanned": 90}},
                  {"partition": {"table": "other", "snapshot_segment": 2},
                   "offset": {"epoch": 2, "segments": 3, "done": true, "scanned": 5}}
                ]}""");

        SnapshotProgress progress = SnapshotProgress.fromOffsets(body, "parcel_scans");

        assertThat(progress).isEqualTo(new SnapshotProgress(1, 3, 140, true));
        assertThat(progress.done()).isFalse();
        assertThat(progress.text()).isEqualTo("snapshot 1/3, 140 items");
    }

    @Test
    void isDoneOnlyWhenEverySegmentIsOrWhenTheSourceTakesNoSnapshot() throws Exception {
        JsonNode nothingCommitted = JSON.readTree("{\"offsets\": []}");

        assertThat(SnapshotProgress.fromOffsets(nothingCommitted, "parcel_scans").done()).isFalse();
        assertThat(new SnapshotProgress(4, 4, 0, true).done()).as("an empty table's snapshot").isTrue();
        assertThat(SnapshotProgress.NONE.done()).isTrue();
    }
}
