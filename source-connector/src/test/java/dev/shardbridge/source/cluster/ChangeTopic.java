package dev.shardbridge.source.cluster;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.connect.EnvelopeDecoder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a change topic back as change events, in Kafka order per partition, with a consumer group of its own.
 * Tombstones are kept as events with a null value so tests can check them too.
 */
final class ChangeTopic implements AutoCloseable {

    /** One Kafka record of a change topic: its partition and offset, and the decoded event (null for a tombstone). */
    record Delivered(int partition, long offset, String key, ChangeEvent event) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final JsonConverter keys = new JsonConverter();
    private final JsonConverter values = new JsonConverter();
    private final String topic;
    private final List<Delivered> delivered = new ArrayList<>();

    ChangeTopic(EmbeddedKafkaCluster kafka, String topic, String group, boolean readCommitted) {
        this.topic = topic;
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        consumer = kafka.createConsumerAndSubscribeTo(props, topic);
        keys.configure(Map.of("schemas.enable", "true"), true);
        values.configure(Map.of("schemas.enable", "true"), false);
    }

    /** Polls until {@code done} holds for everything delivered so far, or fails after {@code timeout}. */
    List<Delivered> readUntil(Predicate<List<Delivered>> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.test(delivered)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout + " reading " + topic + ": " + delivered.size()
                        + " records so far");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                delivered.add(decode(record));
            }
        }
        return List.copyOf(delivered);
    }

    private Delivered decode(ConsumerRecord<byte[], byte[]> record) {
        SchemaAndValue key = keys.toConnectData(topic, record.key());
        String keyText = EnvelopeDecoder.decodeKey(key.value()).toString();
        if (record.value() == null) {
            return new Delivered(record.partition(), record.offset(), keyText, null);
        }
        SchemaAndValue value = values.toConnectData(topic, record.value());
        return new Delivered(record.partition(), record.offset(), keyText, EnvelopeDecoder.decode(value.value()));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
