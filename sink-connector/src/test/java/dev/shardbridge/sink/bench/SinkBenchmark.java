package dev.shardbridge.sink.bench;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.event.cbor.CborConverter;
import dev.shardbridge.event.connect.EnvelopeEncoder;
import dev.shardbridge.event.connect.EnvelopeRecord;
import dev.shardbridge.sink.DynamoDbSinkConnector;
import dev.shardbridge.sink.DynamoDbSinkTask;
import dev.shardbridge.sink.client.TargetClients;
import dev.shardbridge.sink.config.DynamoDbSinkConfig;
import dev.shardbridge.sink.testing.FakeSinkTaskContext;
import dev.shardbridge.sink.testing.ChangeHistory;
import dev.shardbridge.sink.testing.TargetStore;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Sink throughput: a pre-filled topic of 1 KB items replayed by the sink into the in-process
 * emulator, with 1 and 4 tasks, guard on and off. Everything runs in this one JVM (broker, Connect
 * worker, emulator), as in the cluster tests, so the figures are for the whole path on one machine.
 *
 * <p>The rate is measured in the steady state, between the moments Connect's committed offsets
 * pass 10 % and reach 100 % of the records, so the consumer group's join is not counted; the
 * total time from connector creation is printed beside it. Every run ends by counting the target's
 * items, which must equal the number of records (all keys are distinct).
 *
 * <p>Run: {@code mvn -B -o -pl sink-connector test-compile exec:exec@sink-benchmark [-Dbench.records=N]}.
 */
public final class SinkBenchmark {

    private static final String TOPIC = "bench-changes";
    private static final int PARTITIONS = 4;
    private static final BigInteger FIRST_SEQUENCE = new BigInteger("100000000000000000000");

    public static void main(String[] args) throws Exception {
        int status = 1;
        try {
            measure();
            status = 0;
        } finally {
            // Kafka and Connect leave non-daemon threads behind; the figures are printed, so end here.
            System.exit(status);
        }
    }

    private static void measure() throws Exception {
        int records = Integer.getInteger("bench.records", 100_000);
        try (TargetStore store = TargetStore.start()) {
            EmbeddedConnectCluster cluster = new EmbeddedConnectCluster.Builder().name("sink-bench").numWorkers(1)
                    .numBrokers(1).workerProps(new HashMap<>(Map.of("plugin.discovery", "service_load",
                            "offset.flush.interval.ms", "200"))).build();
            cluster.start();
            try {
                prefill(cluster, records);
                System.out.printf("%d records of 1 KB items in %d partitions; %d cores, Java %s%n", records, PARTITIONS,
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
                System.out.printf("%-32s %12s %12s %10s%n", "scenario", "records/s", "total s", "items");
                for (Guard guard : Guard.values()) {
                    for (int tasks : List.of(1, 4)) {
                        run(cluster, store, records, tasks, guard);
                    }
                }
                for (Guard guard : Guard.values()) {
                    runTaskAlone(store, records, guard);
                }
                runPlainPuts(store, records);
            } finally {
                cluster.stop();
            }
        }
    }

    private static void prefill(EmbeddedConnectCluster cluster, int records) {
        cluster.kafka().createTopic(TOPIC, PARTITIONS);
        CborConverter keys = converter(true);
        CborConverter values = converter(false);
        try (KafkaProducer<byte[], byte[]> producer = cluster.kafka().createProducer(Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024))) {
            for (int i = 0; i < records; i++) {
                EnvelopeRecord encoded = EnvelopeEncoder.encode(change(i));
                producer.send(new ProducerRecord<>(TOPIC, keys.fromConnectData(TOPIC, encoded.keySchema(), encoded.key()),
                        values.fromConnectData(TOPIC, encoded.valueSchema(), encoded.value())));
            }
        }
    }

    /** A 1 KB item (key, a number, a 1,000-character payload) under its own key. */
    private static ChangeEvent change(int i) {
        String pk = "item-" + i;
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        image.put("pk", AttributeValue.fromS(pk));
        image.put("n", AttributeValue.fromN(Integer.toString(i)));
        image.put("payload", AttributeValue.fromS("x".repeat(1000)));
        return ChangeHistory.event(Operation.CREATE, "source", pk,
                FIRST_SEQUENCE.add(BigInteger.valueOf(7L * i)).toString(), image);
    }

    /** The three ways the sink can write: the guard as conditional puts, the guard as batches, no guard. */
    private enum Guard {
        CONDITIONAL("conditional"), READ_BEFORE_WRITE("read-before-write"), OFF("off");

        private final String label;

        Guard(String label) {
            this.label = label;
        }

        void configure(Map<String, String> config) {
            config.put("guard.enabled", Boolean.toString(this != OFF));
            if (this != OFF) {
                config.put("guard.strategy", label);
            }
        }
    }

    private static void run(EmbeddedConnectCluster cluster, TargetStore store, int records, int tasks, Guard guard)
            throws InterruptedException {
        String name = "bench-" + tasks + "-tasks-guard-" + guard.label;
        store.createTable(name);
        Map<String, String> config = new HashMap<>(store.sinkSettings());
        config.put("connector.class", DynamoDbSinkConnector.class.getName());
        config.put("tasks.max", Integer.toString(tasks));
        config.put("topics", TOPIC);
        config.put("table.name.format", name);
        guard.configure(config);
        config.put("key.converter", CborConverter.class.getName());
        config.put("value.converter", CborConverter.class.getName());
        config.put("consumer.override.auto.offset.reset", "earliest");
        config.put("consumer.override.max.poll.records", "2000");
        config.put("max.in.flight.requests", "32");

        long created = System.nanoTime();
        cluster.configureConnector(name, config);
        long tenPercent = awaitCommitted(cluster, name, records / 10);
        long done = awaitCommitted(cluster, name, records);
        double rate = (records - records / 10) / ((done - tenPercent) / 1e9);
        var page = store.client().scan(b -> b.tableName(name).select(Select.COUNT));
        int counted = page.count();
        while (page.hasLastEvaluatedKey()) {
            var start = page.lastEvaluatedKey();
            page = store.client().scan(b -> b.tableName(name).select(Select.COUNT).exclusiveStartKey(start));
            counted += page.count();
        }
        System.out.printf("%-32s %12.0f %12.1f %10d%n", tasks + " task(s), guard " + guard.label, rate,
                (done - created) / 1e9, counted);
        cluster.deleteConnector(name);
        if (counted != records) {
            throw new IllegalStateException(name + ": target holds " + counted + " items, expected " + records);
        }
    }

    /**
     * The same records through one task's {@code put} directly, without Kafka or Connect around it:
     * the ceiling the write path itself reaches on this machine, for comparison with the cluster runs.
     */
    private static void runTaskAlone(TargetStore store, int records, Guard guard) {
        String name = "bench-task-alone-guard-" + guard.label;
        store.createTable(name);
        Map<String, String> config = new HashMap<>(store.sinkSettings());
        config.put("table.name.format", name);
        guard.configure(config);
        config.put("max.in.flight.requests", "32");
        List<SinkRecord> batch = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            EnvelopeRecord encoded = EnvelopeEncoder.encode(change(i));
            batch.add(new SinkRecord(TOPIC, i % PARTITIONS, encoded.keySchema(), encoded.key(), encoded.valueSchema(),
                    encoded.value(), i));
        }
        DynamoDbSinkTask task = new DynamoDbSinkTask();
        task.initialize(new FakeSinkTaskContext(false));
        task.start(config);
        long start = System.nanoTime();
        for (int from = 0; from < records; from += 2000) {
            task.put(batch.subList(from, Math.min(from + 2000, records)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        task.stop();
        System.out.printf("%-32s %12.0f %12.1f %10s%n", "task alone, guard " + guard.label,
                records / seconds, seconds, "-");
    }

    /**
     * Plain unconditional PutItem calls of the same items from 32 threads through the sink's own
     * client: what one request per item costs on this machine, with no sink code involved.
     */
    private static void runPlainPuts(TargetStore store, int records) throws InterruptedException {
        String name = "bench-plain-puts";
        store.createTable(name);
        Map<String, String> settings = new HashMap<>(store.sinkSettings());
        settings.put("max.in.flight.requests", "32");
        try (var clients = new TargetClients(new DynamoDbSinkConfig(settings)); var client = clients.create()) {
            ExecutorService threads = Executors.newFixedThreadPool(32);
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            for (int t = 0; t < 32; t++) {
                threads.execute(() -> {
                    for (int i = next.getAndIncrement(); i < records; i = next.getAndIncrement()) {
                        Map<String, AttributeValue> item = change(i).after();
                        client.putItem(b -> b.tableName(name).item(item));
                    }
                });
            }
            threads.shutdown();
            threads.awaitTermination(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-32s %12.0f %12.1f %10s%n", "plain PutItem, 32 threads", records / seconds, seconds, "-");
        }
    }

    /** Polls the connector's committed offsets until they cover {@code target} records; returns that moment. */
    private static long awaitCommitted(EmbeddedConnectCluster cluster, String name, int target)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            long committed;
            try {
                committed = cluster.connectorOffsets(name).offsets().stream()
                        .mapToLong(offset -> ((Number) offset.offset().get("kafka_offset")).longValue()).sum();
            } catch (RuntimeException notYet) {
                committed = 0;
            }
            if (committed >= target) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(name + " did not commit " + target + " records within 10 minutes");
    }

    private static CborConverter converter(boolean isKey) {
        CborConverter converter = new CborConverter();
        converter.configure(Map.of(), isKey);
        return converter;
    }
}
