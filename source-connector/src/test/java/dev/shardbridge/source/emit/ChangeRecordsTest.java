package dev.shardbridge.source.emit;

import dev.shardbridge.event.ChangeEventFactory;
import dev.shardbridge.event.StreamShard;
import dev.shardbridge.event.TableKey;
import dev.shardbridge.source.offset.ShardOffset;
import dev.shardbridge.source.offset.ShardPartition;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeRecordsTest {

    private static final StreamShard SHARD = new StreamShard("orders", TableKey.of("id"),
            "arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/2026-11-24T00:00:00.000", "shard-1");
    private static final Instant WRITTEN = Instant.parse("2026-11-24T10:15:30Z");
    private static final ChangeEventFactory EVENTS = new ChangeEventFactory("dynamodb", "test",
            Clock.fixed(WRITTEN.plusSeconds(1), ZoneOffset.UTC));

    @Test
    void eachRecordGoesToThePrefixedTopicKeyedByPrimaryKeyWithTheOffsetAfterIt() {
        List<SourceRecord> out = new ArrayList<>();
        new ChangeRecords(EVENTS, "cdc.", false, "markers").append(SHARD,
                List.of(record("100", OperationType.INSERT, "a"), record("105", OperationType.MODIFY, "a")),
                Optional.empty(), out);

        assertThat(out).hasSize(2);
        SourceRecord first = out.get(0);
        assertThat(first.topic()).isEqualTo("cdc.orders");
        assertThat(first.kafkaPartition()).as("Kafka's partitioner hashes the key").isNull();
        assertThat(first.sourcePartition()).isEqualTo(Map.of("table", "orders", "shard", "shard-1"));
        assertThat(first.sourceOffset()).isEqualTo(Map.of("sequence_number", "100", "drained", false));
        assertThat(out.get(1).sourceOffset()).isEqualTo(Map.of("sequence_number", "105", "drained", false));
        assertThat(first.timestamp()).isEqualTo(WRITTEN.toEpochMilli());
        assertThat(((Map<?, ?>) first.key()).keySet()).isEqualTo(java.util.Set.of("id"));
        assertThat(((Struct) first.value()).getString("op")).isEqualTo("c");
        assertThat(((Struct) out.get(1).value()).getString("op")).isEqualTo("u");
    }

    @Test
    void aDeleteAndItsTombstoneAreCommittedAsOne() {
        List<SourceRecord> out = new ArrayList<>();
        new ChangeRecords(EVENTS, "", true, "markers").append(SHARD, List.of(record("200", OperationType.REMOVE, "a")),
                Optional.of("150"), out);
        assertThat(out).hasSize(2);
        assertThat(((Struct) out.get(0).value()).getString("op")).isEqualTo("d");
        assertThat(out.get(0).sourceOffset()).as("the delete carries the position before it")
                .isEqualTo(Map.of("sequence_number", "150", "drained", false));
        SourceRecord tombstone = out.get(1);
        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.valueSchema()).isNull();
        assertThat(tombstone.key()).isEqualTo(out.get(0).key());
        assertThat(tombstone.sourceOffset()).isEqualTo(Map.of("sequence_number", "200", "drained", false));
    }

    @Test
    void withinAPageTheDeleteTakesThePreviousRecordsPosition() {
        List<SourceRecord> out = new ArrayList<>();
        new ChangeRecords(EVENTS, "", true, "markers").append(SHARD, List.of(record("300", OperationType.INSERT, "a"),
                record("310", OperationType.REMOVE, "a")), Optional.empty(), out);
        assertThat(out.stream().map(r -> (Object) r.sourceOffset().get("sequence_number")).toList())
                .containsExactly("300", "300", "310");
    }

    @Test
    void withoutTombstonesADeleteCarriesItsOwnPosition() {
        List<SourceRecord> out = new ArrayList<>();
        new ChangeRecords(EVENTS, "", false, "markers").append(SHARD,
                List.of(record("200", OperationType.REMOVE, "a")), Optional.of("150"), out);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).sourceOffset()).isEqualTo(Map.of("sequence_number", "200", "drained", false));
    }

    @Test
    void theDrainedMarkerIsAnEmptyRecordCarryingOnlyTheOffset() {
        ShardOffset drained = ShardOffset.drained(new ShardPartition("orders", "shard-1"), "300");
        SourceRecord marker = new ChangeRecords(EVENTS, "", true, "markers").drainedMarker(drained);
        assertThat(marker.topic()).isEqualTo("markers");
        assertThat(marker.key()).isNull();
        assertThat(marker.value()).isNull();
        assertThat(marker.sourceOffset()).isEqualTo(Map.of("sequence_number", "300", "drained", true));
    }

    @Test
    void aRecordTheContractCannotExpressFailsNamingTheShardAndRecord() {
        Record keyless = record("400", OperationType.INSERT, "a").toBuilder()
                .dynamodb(record("400", OperationType.INSERT, "a").dynamodb().toBuilder().keys(Map.of()).build())
                .build();
        assertThatThrownBy(() -> new ChangeRecords(EVENTS, "", true, "markers").append(SHARD, List.of(keyless),
                Optional.empty(), new ArrayList<>()))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("event-400 of orders/shard-1");
    }

    private static Record record(String sequenceNumber, OperationType type, String id) {
        Map<String, AttributeValue> keys = Map.of("id", AttributeValue.fromS(id));
        Map<String, AttributeValue> image = Map.of("id", AttributeValue.fromS(id), "n", AttributeValue.fromN("1"));
        StreamRecord.Builder data = StreamRecord.builder().sequenceNumber(sequenceNumber).keys(keys)
                .approximateCreationDateTime(WRITTEN).sizeBytes(10L);
        if (type == OperationType.REMOVE) {
            data.oldImage(image);
        } else {
            data.newImage(image);
        }
        return Record.builder().eventID("event-" + sequenceNumber).eventName(type).dynamodb(data.build()).build();
    }
}
