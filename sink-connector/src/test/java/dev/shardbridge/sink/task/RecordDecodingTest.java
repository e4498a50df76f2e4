package dev.shardbridge.sink.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shardbridge.event.Operation;
import dev.shardbridge.event.connect.EnvelopeEncoder;
import dev.shardbridge.event.connect.EnvelopeRecord;
import dev.shardbridge.sink.Changes;
import dev.shardbridge.sink.config.TableNameFormat;
import dev.shardbridge.sink.errors.BadRecordException;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class RecordDecodingTest {

    @Test
    void namesTheTargetTableFromTheSourceTableAndTopic() {
        RecordDecoding decoding = new RecordDecoding(new TableNameFormat("${table}-from-${topic}"));

        PendingChange change = decoding.decode(record(EnvelopeEncoder.encode(
                Changes.put(Operation.UPDATE, "a", "100000000000000000001", 1)))).orElseThrow();

        assertThat(change.table()).isEqualTo("orders-from-cdc.orders");
        assertThat(change.event().after()).containsKey("n");
        assertThat(change.coordinates()).isEqualTo("topic cdc.orders, partition 2, offset 17");
    }

    @Test
    void aKafkaTombstoneCarriesNothingToApply() {
        RecordDecoding decoding = new RecordDecoding(new TableNameFormat("${table}"));

        assertThat(decoding.decode(new SinkRecord("cdc.orders", 0, null, Map.of(), null, null, 3))).isEmpty();
    }

    @Test
    void aValueThatIsNotAnEnvelopeOrNamesNoValidTableIsABadRecord() {
        RecordDecoding decoding = new RecordDecoding(new TableNameFormat("${table}"));

        assertThatThrownBy(() -> decoding.decode(new SinkRecord("t", 0, null, null, Schema.STRING_SCHEMA, "text", 1)))
                .isInstanceOf(BadRecordException.class).hasMessageStartingWith("Not a change-event envelope");
        RecordDecoding invalidName = new RecordDecoding(new TableNameFormat("${topic}/replica"));
        assertThatThrownBy(() -> invalidName.decode(record(EnvelopeEncoder.encode(
                Changes.put(Operation.UPDATE, "a", "100000000000000000001", 1)))))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("is not a valid DynamoDB table name");
    }

    private static SinkRecord record(EnvelopeRecord encoded) {
        return new SinkRecord("cdc.orders", 2, encoded.keySchema(), encoded.key(), encoded.valueSchema(),
                encoded.value(), 17);
    }
}
