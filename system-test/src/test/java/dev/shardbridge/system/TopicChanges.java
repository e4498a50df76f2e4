package dev.shardbridge.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads a change topic back as the JSON the worker's {@code JsonConverter} wrote (schemas on or off), without
 * the connectors' classes: the system tests only have the plugin archive. Records are handed over one by one and
 * not kept, so a topic of a million events needs no more memory than one.
 */
public final class TopicChanges {

    /**
     * One change event: its place in the topic, the key text (as {@link TableContents#keyText}), the operation,
     * the number attribute {@code version} of its after and before images (null where absent), and whether it
     * is a snapshot read.
     */
    public record Change(int partition, long offset, String key, String op, Long afterVersion, Long beforeVersion,
                         boolean snapshot) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicChanges() {
    }

    /** How many records the topic holds: the sum of its partitions' end offsets (0 while it does not exist). */
    public static long records(EmbeddedKafkaCluster kafka, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.createConsumer(Map.of())) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Reads {@code topic} from its start to its end offsets as they are now, in order within each partition, and
     * hands every change event to {@code changes} (tombstones are skipped); {@code version} names the number
     * attribute reported per image. Returns how many records were read, tombstones included.
     */
    public static long readAll(EmbeddedKafkaCluster kafka, String topic, String version, Consumer<Change> changes) {
        Map<String, Object> props = Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.createConsumer(props)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<TopicPartition> unread = new ArrayList<>(partitions);
            while (!unread.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        read++;
                        Change change = decode(record, version);
                        if (change != null) {
                            changes.accept(change);
                        }
                    }
                }
                for (Iterator<TopicPartition> it = unread.iterator(); it.hasNext(); ) {
                    TopicPartition partition = it.next();
                    if (consumer.position(partition) >= ends.get(partition)) {
                        consumer.pause(List.of(partition));
                        it.remove();
                    }
                }
            }
        }
        return read;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static Change decode(ConsumerRecord<byte[], byte[]> record, String version) {
        if (record.value() == null) {
            return null;
        }
        try {
            JsonNode value = JSON.readTree(record.value());
            JsonNode event = value.has("schema") && value.has("payload") ? value.get("payload") : value;
            if (event == null || event.isNull()) {
                return null;
            }
            return new Change(record.partition(), record.offset(), keyText(event.get("key")), event.get("op").asText(),
                    number(event.get("after"), version), number(event.get("before"), version),
                    event.path("source").path("snapshot").asBoolean(false));
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON change event at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), e);
        }
    }

    /** The key's values in attribute-name order, joined by '/', each the one non-null of S, N and B. */
    private static String keyText(JsonNode key) {
        Map<String, String> values = new TreeMap<>();
        key.fields().forEachRemaining(field -> {
            for (String type : List.of("S", "N", "B")) {
                JsonNode typed = field.getValue().get(type);
                if (typed != null && !typed.isNull()) {
                    values.put(field.getKey(), typed.asText());
                }
            }
        });
        return String.join("/", values.values());
    }

    private static Long number(JsonNode image, String attribute) {
        if (image == null || image.isNull() || !image.has(attribute)) {
            return null;
        }
        JsonNode n = image.get(attribute).get("N");
        return n == null || n.isNull() ? null : Long.valueOf(n.asText());
    }
}
