package dev.shardbridge.sink.testing;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.event.connect.EnvelopeEncoder;
import dev.shardbridge.event.connect.EnvelopeRecord;
import dev.shardbridge.sink.DynamoDbSinkConnector;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Kafka's in-process Connect cluster (one broker) and an in-process emulator as the target, with
 * the few things the sink's cluster tests do: produce change events as the source connector would
 * (JsonConverter with schemas), configure the sink, and wait until the replica reaches a state.
 */
public final class ConnectHarness implements AutoCloseable {

    private final TargetStore store;
    private final EmbeddedConnectCluster cluster;
    private final JsonConverter keyConverter = converter(true);
    private final JsonConverter valueConverter = converter(false);
    private final KafkaProducer<byte[], byte[]> producer;

    private ConnectHarness(int workers, Map<String, String> workerProps) {
        store = TargetStore.start();
        Map<String, String> props = new HashMap<>();
        props.put("plugin.discovery", "service_load");
        // Frequent commits, so a restarted task resumes mid-topic rather than from the start.
        props.put("offset.flush.interval.ms", "500");
        props.putAll(workerProps);
        cluster = new EmbeddedConnectCluster.Builder().name("sink-it").numWorkers(workers).numBrokers(1)
                .workerProps(props).build();
        cluster.start();
        // Not idempotent: on a topic created moments before, the idempotent producer's sequence state
        // can be rejected for minutes (OutOfOrderSequenceException). One request in flight keeps order.
        producer = cluster.kafka().createProducer(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1));
    }

    public static ConnectHarness start(int workers, Map<String, String> workerProps) {
        return new ConnectHarness(workers, workerProps);
    }

    public EmbeddedConnectCluster cluster() {
        return cluster;
    }

    public TargetStore store() {
        return store;
    }

    /** The sink's config for {@code topic}: JSON with schemas, the target the emulator. */
    public Map<String, String> sinkConfig(String topic, int tasks) {
        Map<String, String> config = new HashMap<>(store.sinkSettings());
        config.put("connector.class", DynamoDbSinkConnector.class.getName());
        config.put("tasks.max", Integer.toString(tasks));
        config.put("topics", topic);
        config.put("key.converter", JsonConverter.class.getName());
        config.put("key.converter.schemas.enable", "true");
        config.put("value.converter", JsonConverter.class.getName());
        config.put("value.converter.schemas.enable", "true");
        return config;
    }

    /** Produces each change keyed by its item key, so one item's records share a partition. */
    public void produce(String topic, List<ChangeEvent> changes) {
        for (ChangeEvent change : changes) {
            EnvelopeRecord encoded = EnvelopeEncoder.encode(change);
            produceRaw(topic, keyConverter.fromConnectData(topic, encoded.keySchema(), encoded.key()),
                    valueConverter.fromConnectData(topic, encoded.valueSchema(), encoded.value()));
        }
        producer.flush();
    }

    /** Produces the Kafka tombstone the source writes after a delete. */
    public void produceTombstone(String topic, Map<String, AttributeValue> key) {
        EnvelopeRecord encoded = EnvelopeEncoder.encode(ChangeHistory.event(
                Operation.DELETE, "t", key.get("pk").s(), "1", null)).tombstone();
        produceRaw(topic, keyConverter.fromConnectData(topic, encoded.keySchema(), encoded.key()), null);
        producer.flush();
    }

    public void produceRaw(String topic, byte[] key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    public void flush() {
        producer.flush();
    }

    /**
     * Waits until the replica's visible items equal {@code expected}, then asserts it (so a timeout
     * fails with the difference).
     */
    public void awaitReplica(String table, Map<String, Map<String, AttributeValue>> expected, Duration timeout) {
        awaitEqual(() -> store.visibleItems(table), expected, timeout);
    }

    public static <T> void awaitEqual(Supplier<T> actual, T expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        T last = actual.get();
        while (!Objects.equals(last, expected) && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(200));
            last = actual.get();
        }
        org.assertj.core.api.Assertions.assertThat(last).isEqualTo(expected);
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonConverter converter(boolean isKey) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), isKey);
        return converter;
    }

    @Override
    public void close() {
        producer.close();
        cluster.stop();
        store.close();
    }
}
