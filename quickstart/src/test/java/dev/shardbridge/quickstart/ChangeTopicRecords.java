package dev.shardbridge.quickstart;

import dev.shardbridge.event.ChangeEventFactory;
import dev.shardbridge.event.StreamShard;
import dev.shardbridge.event.TableKey;
import dev.shardbridge.event.connect.EnvelopeEncoder;
import dev.shardbridge.event.connect.EnvelopeRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.json.JsonConverter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** Change-topic records as the source connector and a worker with JsonConverter (schemas on) write them. */
final class ChangeTopicRecords {
    private static final StreamShard SHARD = new StreamShard(ParcelTable.NAME,
            TableKey.of(ParcelScan.PARCEL_ID, ParcelScan.SCAN_SEQ), "arn:aws:dynamodb:us-east-1:000000000000:table/"
            + ParcelTable.NAME + "/stream/2026-01-01T00:00:00.000", "shardId-00000000000000000001-00000001");
    private static final ChangeEventFactory EVENTS = new ChangeEventFactory("dynamodb", "test", Clock.systemUTC());
    private static long sequence = 100_000_000_000_000_000L;

    private ChangeTopicRecords() {
    }

    static ConsumerRecord<byte[], byte[]> insert(ParcelScan scan) {
        return record("INSERT", scan.key(), null, scan.toItem());
    }

    static ConsumerRecord<byte[], byte[]> update(ParcelScan before, ParcelScan after) {
        return record("MODIFY", after.key(), before.toItem(), after.toItem());
    }

    static ConsumerRecord<byte[], byte[]> delete(ParcelScan before) {
        return record("REMOVE", before.key(), before.toItem(), null);
    }

    static ConsumerRecord<byte[], byte[]> tombstone() {
        return new ConsumerRecord<>(ParcelTable.NAME, 0, 0, new byte[0], null);
    }

    private static ConsumerRecord<byte[], byte[]> record(String eventName, Map<String, AttributeValue> key,
                                                         Map<String, AttributeValue> oldImage,
                                                         Map<String, AttributeValue> newImage) {
        StreamRecord.Builder data = StreamRecord.builder().keys(key).sequenceNumber(Long.toString(sequence++) + "000")
                .approximateCreationDateTime(Instant.parse("2026-11-24T05:00:00Z"));
        if (oldImage != null) {
            data.oldImage(oldImage);
        }
        if (newImage != null) {
            data.newImage(newImage);
        }
        EnvelopeRecord envelope = EnvelopeEncoder.encode(EVENTS.fromStreamRecord(SHARD,
                Record.builder().eventName(eventName).dynamodb(data.build()).build()));
        JsonConverter json = new JsonConverter();
        json.configure(Map.of("schemas.enable", "true"), false);
        return new ConsumerRecord<>(ParcelTable.NAME, 0, 0, new byte[0],
                json.fromConnectData(ParcelTable.NAME, envelope.valueSchema(), envelope.value()));
    }
}
