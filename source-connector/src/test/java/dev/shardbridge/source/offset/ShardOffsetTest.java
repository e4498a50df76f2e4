package dev.shardbridge.source.offset;

import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardOffsetTest {

    private static final ShardPartition PARTITION = new ShardPartition("orders", "shardId-00001-abc");
    private static final String SEQ = "100000000000000000001";

    @Test
    void partitionRoundTripsThroughItsMapWithoutATaskId() {
        assertThat(PARTITION.toMap()).isEqualTo(Map.of("table", "orders", "shard", "shardId-00001-abc"));
        assertThat(ShardPartition.fromMap(PARTITION.toMap())).isEqualTo(PARTITION);
    }

    @Test
    void offsetRoundTripsThroughItsMap() {
        ShardOffset offset = ShardOffset.after(PARTITION, SEQ);
        assertThat(offset.toMap()).isEqualTo(Map.of("sequence_number", SEQ, "drained", false));
        assertThat(ShardOffset.fromMap(PARTITION, offset.toMap())).isEqualTo(offset);
        assertThat(ShardOffset.fromMap(PARTITION, offset.asDrained().toMap())).isEqualTo(offset.asDrained());
    }

    @Test
    void aShardDrainedBeforeEmittingAnythingHasNoSequenceNumber() {
        ShardOffset offset = ShardOffset.fromMap(PARTITION, Map.of("drained", true));
        assertThat(offset.drained()).isTrue();
        assertThat(offset.lastSequenceNumber()).isEmpty();
        assertThat(offset.toMap()).isEqualTo(Map.of("drained", true));
    }

    @Test
    void missingDrainedMeansNotDrained() {
        assertThat(ShardOffset.fromMap(PARTITION, Map.of("sequence_number", SEQ)).drained()).isFalse();
    }

    @Test
    void rejectsAnOffsetWithoutSequenceNumberThatIsNotDrained() {
        assertThatThrownBy(() -> ShardOffset.fromMap(PARTITION, Map.of("drained", false)))
                .isInstanceOf(ConnectException.class)
                .hasMessage("Offset of orders/shardId-00001-abc needs 'sequence_number' unless 'drained' is true");
    }

    @Test
    void rejectsANonNumericSequenceNumber() {
        assertThatThrownBy(() -> ShardOffset.fromMap(PARTITION, Map.of("sequence_number", "12a")))
                .isInstanceOf(ConnectException.class)
                .hasMessage("Offset 'sequence_number' of orders/shardId-00001-abc must be 1-40 decimal digits, got '12a'");
    }

    @Test
    void rejectsASequenceNumberGivenAsAJsonNumber() {
        assertThatThrownBy(() -> ShardOffset.fromMap(PARTITION, Map.of("sequence_number", 42L)))
                .isInstanceOf(ConnectException.class)
                .hasMessage("offset of orders/shardId-00001-abc 'sequence_number' must be a string, got Long 42");
    }

    @Test
    void rejectsDrainedGivenAsAString() {
        assertThatThrownBy(() -> ShardOffset.fromMap(PARTITION, Map.of("sequence_number", SEQ, "drained", "false")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("'drained' must be a JSON boolean, got String false");
    }

    @Test
    void rejectsUnknownOffsetKeys() {
        Map<String, Object> map = new HashMap<>(Map.of("sequence_number", SEQ, "seq", SEQ));
        assertThatThrownBy(() -> ShardOffset.fromMap(PARTITION, map))
                .isInstanceOf(ConnectException.class)
                .hasMessage("Unknown offset of orders/shardId-00001-abc key(s) [seq]; expected only [drained, sequence_number, skipped]");
    }

    @Test
    void rejectsAMissingOffsetMap() {
        assertThatThrownBy(() -> ShardOffset.fromMap(PARTITION, null))
                .isInstanceOf(ConnectException.class).hasMessage("Offset of orders/shardId-00001-abc is missing");
    }

    @Test
    void rejectsBadPartitions() {
        assertThatThrownBy(() -> ShardPartition.fromMap(Map.of("shard", "s-1")))
                .isInstanceOf(ConnectException.class)
                .hasMessageStartingWith("Source partition 'table' must be a DynamoDB table name")
                .hasMessageEndingWith("got nothing");
        assertThatThrownBy(() -> ShardPartition.fromMap(Map.of("table", "orders")))
                .isInstanceOf(ConnectException.class)
                .hasMessage("Source partition 'shard' must be a shard id of 1-65 characters, got nothing");
        assertThatThrownBy(() -> ShardPartition.fromMap(Map.of("table", "no spaces!", "shard", "s-1")))
                .isInstanceOf(ConnectException.class).hasMessageEndingWith("got 'no spaces!'");
        assertThatThrownBy(() -> ShardPartition.fromMap(Map.of("table", "orders", "shard", "s-1", "task", "0")))
                .isInstanceOf(ConnectException.class)
                .hasMessage("Unknown source partition key(s) [task]; expected only [shard, table]");
        assertThatThrownBy(() -> ShardPartition.fromMap(null))
                .isInstanceOf(ConnectException.class).hasMessageStartingWith("Source partition is missing");
    }

    @Test
    void skippedMarkerRoundTripsAndOnlyAppearsWhenSet() {
        ShardOffset skipped = ShardOffset.skipped(PARTITION);
        assertThat(skipped.toMap()).isEqualTo(Map.of("drained", true, "skipped", true));
        assertThat(ShardOffset.fromMap(PARTITION, skipped.toMap())).isEqualTo(skipped);
        assertThat(ShardOffset.drained(PARTITION, SEQ).toMap()).doesNotContainKey("skipped");
    }

    @Test
    void skippedIsOnlyValidForADrainedShardThatEmittedNothing() {
        assertThatThrownBy(() -> ShardOffset.fromMap(PARTITION, Map.of("sequence_number", SEQ, "drained", true,
                "skipped", true)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("'skipped' true, which is only valid for a drained shard without 'sequence_number'");
        assertThatThrownBy(() -> ShardOffset.fromMap(PARTITION, Map.of("skipped", true)))
                .isInstanceOf(ConnectException.class);
    }
}
