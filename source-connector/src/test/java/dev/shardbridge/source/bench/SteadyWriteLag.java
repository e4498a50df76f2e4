package dev.shardbridge.source.bench;

import dev.shardbridge.event.connect.EnvelopeDecoder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.json.JsonConverter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario 4: the lag from a write to its change record being readable in Kafka, at a steady write rate. A
 * consumer in the same JVM (so one clock) decodes each record and subtracts the write time the item carries
 * from the time its poll returned. The stream's own ApproximateCreationDateTime is not used: it has whole-second
 * precision. Records written during the warm-up are read but not counted.
 */
final class SteadyWriteLag {

    /** A lag run's figures. */
    record Lag(double achievedWriteRate, LatencySample latencies) {
        String describe() {
            return latencies.describe() + String.format(Locale.ROOT, " at %,.0f writes/s", achievedWriteRate);
        }
    }

    /** After the writer stops, how long the consumer may take to see the last records. */
    private static final Duration TAIL = Duration.ofSeconds(15);

    private final BenchCluster cluster;

    SteadyWriteLag(BenchCluster cluster) {
        this.cluster = cluster;
    }

    Lag measure(String table, int shards, int perSecond, Duration warmup, Duration window,
                Map<String, String> tuning) throws Exception {
        cluster.createTable(table, shards);
        String topic = cluster.createTopic("", table);
        String name = "lag-" + table;
        cluster.createConnector(name, cluster.connectorConfig(table, shards, OutputFormat.JSON, "", tuning));
        cluster.awaitTasksRunning(name, shards);
        JsonConverter values = new JsonConverter();
        values.configure(Map.of("schemas.enable", "true"), false);
        long warmupItems = warmup.toSeconds() * perSecond;
        LatencySample latencies = new LatencySample();
        FixedRateWriter writer = new FixedRateWriter(cluster.dynamoDb(), table, perSecond, warmup.plus(window));
        try (KafkaConsumer<byte[], byte[]> consumer = cluster.connect().kafka().createConsumerAndSubscribeTo(
                Map.of(ConsumerConfig.GROUP_ID_CONFIG, "lag-" + table,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), topic)) {
            awaitAssignment(consumer);
            Thread writing = new Thread(writer, "bench-fixed-rate-writer");
            writing.start();
            long received = 0;
            long tailDeadline = 0;
            while (true) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                long receivedAt = System.currentTimeMillis();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    received++;
                    Map<String, AttributeValue> item = EnvelopeDecoder.decode(
                            values.toConnectData(topic, record.value()).value()).after();
                    if (itemNumber(item) >= warmupItems) {
                        latencies.add(receivedAt - Long.parseLong(item.get(BenchItems.WRITTEN_AT).n()));
                    }
                }
                if (!writing.isAlive()) {
                    if (received >= writer.written()) {
                        break;
                    }
                    if (tailDeadline == 0) {
                        tailDeadline = System.nanoTime() + TAIL.toNanos();
                    } else if (System.nanoTime() - tailDeadline > 0) {
                        break;
                    }
                }
            }
            writing.join();
            if (received < writer.written()) {
                throw new IllegalStateException("Only " + received + " of " + writer.written() + " writes reached "
                        + topic + " within " + TAIL + " after the writer stopped");
            }
        }
        cluster.deleteConnector(name);
        return new Lag(writer.achievedRate(), latencies);
    }

    private static void awaitAssignment(KafkaConsumer<byte[], byte[]> consumer) {
        // The topic is empty, so these polls only join the group and take the assignment.
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
    }

    private static long itemNumber(Map<String, AttributeValue> item) {
        String id = item.get("id").s();
        return Long.parseLong(id.substring(id.indexOf('-') + 1));
    }
}
