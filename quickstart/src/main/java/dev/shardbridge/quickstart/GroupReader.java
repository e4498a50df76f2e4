package dev.shardbridge.quickstart;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A plain Kafka consumer group member reading the change topic on its own thread: one of the fan-out's
 * consumer groups, independent of the others and of the sink. Offsets are committed often so the progress
 * line can show each group's lag from the broker, as {@code kafka-consumer-groups.sh} would.
 */
abstract class GroupReader implements AutoCloseable {
    private final String group;
    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    GroupReader(String bootstrapServers, String group, String topic) {
        this.group = group;
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, "500",
                // The source connector creates the topic with its partitions; a consumer must not race it.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::pollUntilClosed, group);
        this.thread.setDaemon(true);
    }

    GroupReader start() {
        thread.start();
        return this;
    }

    String group() {
        return group;
    }

    /** What stopped this reader, if something did: a record it could not handle. */
    Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Handles one record of the change topic, a tombstone included (null value). */
    abstract void handle(ConsumerRecord<byte[], byte[]> record);

    private void pollUntilClosed() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    handle(record);
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll up
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
