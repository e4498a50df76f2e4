package dev.shardbridge.source.offset;

import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotOffsetsTest {

    private final InMemoryOffsets committed = new InMemoryOffsets();
    private final SnapshotOffsets offsets = new SnapshotOffsets(committed);

    @Test
    void aTableWithoutProgressNeedsItsFirstSnapshotWithTheConfiguredSegments() {
        TableSnapshot state = offsets.read("orders", 4);

        assertThat(state.epoch()).isEqualTo(1);
        assertThat(state.segments()).isEqualTo(4);
        assertThat(state.complete()).isFalse();
        assertThat(state.progress()).extracting(SegmentProgress::resumeAfter).allMatch(java.util.Optional::isEmpty);
    }

    @Test
    void progressIsReadBackPerSegmentAndCompleteOnceEverySegmentIsDone() {
        commit(new SegmentProgress(new SegmentPartition("orders", 0), 1, 2, "{\"id\":{\"S\":\"a\"}}", false, 10));
        commit(new SegmentProgress(new SegmentPartition("orders", 1), 1, 2, null, true, 7));

        TableSnapshot state = offsets.read("orders", 2);
        assertThat(state.progress().get(0).resumeAfter()).contains("{\"id\":{\"S\":\"a\"}}");
        assertThat(state.segmentsDone()).isEqualTo(1);
        assertThat(state.scanned()).isEqualTo(17);
        assertThat(state.complete()).isFalse();

        commit(state.progress().get(0).finished(3));
        assertThat(offsets.read("orders", 2).complete()).isTrue();
    }

    @Test
    void aSnapshotInProgressKeepsItsSegmentCountWhenTheConfigurationChanges() {
        for (int segment = 0; segment < 6; segment++) {
            commit(SegmentProgress.start(new SegmentPartition("orders", segment), 1, 6).finished(1));
        }

        TableSnapshot state = offsets.read("orders", 4);
        assertThat(state.segments()).as("progress was made with 6 segments").isEqualTo(6);
        assertThat(state.complete()).isTrue();
    }

    @Test
    void aNewEpochMakesEarlierProgressStale() {
        commit(SegmentProgress.start(new SegmentPartition("orders", 0), 1, 1).finished(5));
        assertThat(offsets.read("orders", 1).complete()).isTrue();

        SnapshotEpoch second = new SnapshotEpoch("orders", 2);
        committed.commit(second.partition(), second.toMap());

        TableSnapshot state = offsets.read("orders", 1);
        assertThat(state.epoch()).isEqualTo(2);
        assertThat(state.complete()).as("the epoch-1 progress does not count for epoch 2").isFalse();
    }

    @Test
    void mapsRoundTripAsConnectStoresThem() {
        SegmentProgress progress = new SegmentProgress(new SegmentPartition("orders", 3), 2, 4, "{}", false, 99);
        Map<String, Object> partition = progress.partition().toMap();

        assertThat(SegmentPartition.matches(partition)).isTrue();
        assertThat(SegmentProgress.fromMap(SegmentPartition.fromMap(partition), progress.toMap())).isEqualTo(progress);
        // Connect's JSON store may hand whole numbers back as Integer or Long.
        assertThat(SegmentPartition.fromMap(Map.of("table", "orders", "snapshot_segment", 3L)))
                .isEqualTo(progress.partition());
        SnapshotEpoch epoch = new SnapshotEpoch("orders", 3);
        assertThat(SnapshotEpoch.matches(epoch.partition())).isTrue();
        assertThat(SnapshotEpoch.fromMaps(epoch.partition(), Map.of("epoch", 3))).isEqualTo(epoch);
    }

    @Test
    void badOffsetsNameTheKeyThatIsWrong() {
        SegmentPartition partition = new SegmentPartition("orders", 1);
        assertThatThrownBy(() -> SegmentProgress.fromMap(partition, Map.of("epoch", 1, "segments", 1)))
                .isInstanceOf(ConnectException.class).hasMessageContaining("'segments'")
                .hasMessageContaining("segment number 1");
        assertThatThrownBy(() -> SegmentProgress.fromMap(partition, Map.of("epoch", "1", "segments", 2)))
                .isInstanceOf(ConnectException.class).hasMessageContaining("'epoch' must be a whole number");
        assertThatThrownBy(() -> SegmentProgress.fromMap(partition, Map.of("segments", 2)))
                .isInstanceOf(ConnectException.class).hasMessageContaining("needs 'epoch' and 'segments'");
        assertThatThrownBy(() -> SegmentProgress.fromMap(partition, Map.of("epoch", 1, "segments", 2, "lastKey", "x")))
                .isInstanceOf(ConnectException.class).hasMessageContaining("Unknown").hasMessageContaining("lastKey");
        assertThatThrownBy(() -> SegmentPartition.fromMap(Map.of("table", "orders", "snapshot_segment", -1)))
                .isInstanceOf(ConnectException.class).hasMessageContaining("snapshot_segment");
        assertThatThrownBy(() -> SnapshotEpoch.fromMaps(Map.of("table", "orders", "snapshot", "epoch"), Map.of("epoch", 0)))
                .isInstanceOf(ConnectException.class).hasMessageContaining("1 or more");
        assertThatThrownBy(() -> SnapshotEpoch.fromMaps(Map.of("table", "o", "snapshot", "epoch"), Map.of("epoch", 1)))
                .isInstanceOf(ConnectException.class).hasMessageContaining("DynamoDB table name");
    }

    private void commit(SegmentProgress progress) {
        committed.commit(progress.partition().toMap(), progress.toMap());
    }
}
