package dev.shardbridge.system.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.system.SystemTestWorker;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Source → Kafka → sink, end to end, with the connectors loaded from the built plugin archive and configured
 * from {@code config/} JSON (endpoint and names filled in): how fast a backlog reaches the replica, and how long a
 * write at a steady rate takes to become visible there. Visibility is read from the replica table's own stream,
 * so the figure is the moment the sink's write was applied. Prints its figures; see docs/benchmarks.md.
 *
 * <p>Run: {@code mvn -B -pl system-test test-compile exec:exec@end-to-end-benchmark} (after {@code mvn install
 * -DskipTests}, so the plugin archive exists).
 */
public final class EndToEndBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAYLOAD = "x".repeat(950);

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int backlog = Integer.getInteger("bench.backlog", 50_000);
        int rate = Integer.getInteger("bench.rate", 1_000);
        int seconds = Integer.getInteger("bench.seconds", 20);
        String strategy = System.getProperty("bench.guardStrategy", "conditional");
        try (StoreEmulator emulator = StoreEmulator.start(); DynamoDbClient dynamoDb = client(emulator);
             DynamoDbStreamsClient streams = streams(emulator)) {
            EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder().name("end-to-end-bench")
                    .numWorkers(1).numBrokers(1).workerProps(workerProps()).build();
            connect.start();
            try {
                System.out.printf("end to end, 1 KB items, 4 partitions/shards, guard.strategy=%s; %d cores, Java %s%n",
                        strategy, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
                drain(emulator, dynamoDb, streams, connect, backlog, strategy);
                steadyLag(emulator, dynamoDb, streams, connect, rate, seconds, strategy);
            } finally {
                connect.stop();
            }
        }
        System.exit(0);
    }

    private static void drain(StoreEmulator emulator, DynamoDbClient dynamoDb, DynamoDbStreamsClient streams,
                              EmbeddedConnectCluster connect, int items, String strategy) throws Exception {
        String table = "drain_items";
        String replicaArn = tables(emulator, dynamoDb, table);
        fill(dynamoDb, table, items);
        try (ReplicaWatcher watcher = new ReplicaWatcher(streams, replicaArn, latency -> { })) {
            long start = System.nanoTime();
            deploy(connect, emulator, table, strategy);
            long tenth = awaitApplied(watcher, items / 10);
            long done = awaitApplied(watcher, items);
            System.out.printf("backlog of %,d: %,.0f records/s source→replica (from 10 %% to 100 %%), %.1f s in all%n",
                    items, (items - items / 10) / ((done - tenth) / 1e9), (done - start) / 1e9);
        }
        undeploy(connect, table);
    }

    private static void steadyLag(StoreEmulator emulator, DynamoDbClient dynamoDb, DynamoDbStreamsClient streams,
                                  EmbeddedConnectCluster connect, int rate, int seconds, String strategy)
            throws Exception {
        String table = "steady_items";
        String replicaArn = tables(emulator, dynamoDb, table);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try (ReplicaWatcher watcher = new ReplicaWatcher(streams, replicaArn, latencies::add)) {
            deploy(connect, emulator, table, strategy);
            // Warm-up: the pipeline is flowing once a first write is visible.
            put(dynamoDb, table, "warm-up", System.currentTimeMillis());
            awaitApplied(watcher, 1);
            latencies.clear();
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            int writes = rate * seconds;
            for (int i = 0; i < writes; i++) {
                LockSupport.parkNanos(next - System.nanoTime());
                put(dynamoDb, table, "item-" + (i % 5_000), System.currentTimeMillis());
                next += interval;
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (latencies.size() < writes && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("steady %,d writes/s for %d s: %,d of %,d seen; write→replica p50 %d ms, p95 %d ms,"
                            + " p99 %d ms, max %d ms%n", rate, seconds, sorted.size(), writes, percentile(sorted, 50),
                    percentile(sorted, 95), percentile(sorted, 99), sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
        }
        undeploy(connect, table);
    }

    /** The source table (4 partitions) and its replica, pre-created with a stream so visibility can be watched. */
    private static String tables(StoreEmulator emulator, DynamoDbClient dynamoDb, String table) {
        emulator.admin().setPartitions(table, 4);
        create(dynamoDb, table, StreamViewType.NEW_AND_OLD_IMAGES);
        create(dynamoDb, table + "_replica", StreamViewType.NEW_IMAGE);
        return dynamoDb.describeTable(request -> request.tableName(table + "_replica")).table().latestStreamArn();
    }

    private static void create(DynamoDbClient dynamoDb, String table, StreamViewType view) {
        dynamoDb.createTable(request -> request.tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(view)));
    }

    private static void fill(DynamoDbClient dynamoDb, String table, int items) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("item-" + i, 0)).build()).build());
            if (batch.size() == 25 || i == items - 1) {
                Map<String, List<WriteRequest>> request = Map.of(table, List.copyOf(batch));
                dynamoDb.batchWriteItem(b -> b.requestItems(request));
                batch.clear();
            }
        }
    }

    private static void put(DynamoDbClient dynamoDb, String table, String id, long writtenMillis) {
        dynamoDb.putItem(request -> request.tableName(table).item(item(id, writtenMillis)));
    }

    private static Map<String, AttributeValue> item(String id, long writtenMillis) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS(id));
        item.put("payload", AttributeValue.fromS(PAYLOAD));
        if (writtenMillis > 0) {
            item.put("written_ms", AttributeValue.fromN(Long.toString(writtenMillis)));
        }
        return item;
    }

    /** Source and sink from config/ JSON, pointed at this emulator and table. */
    private static void deploy(EmbeddedConnectCluster connect, StoreEmulator emulator, String table, String strategy)
            throws IOException {
        Map<String, String> source = connectorConfig("source-emulator.json", emulator);
        source.put("tables", table);
        source.put("tasks.max", "4");
        // The figures are for the stream path: the backlog is in the stream, so it must not also be scanned.
        source.put("start.position", "trim_horizon");
        connect.configureConnector(table + "-source", source);
        Map<String, String> sink = connectorConfig("sink-emulator.json", emulator);
        sink.put("topics", table);
        sink.put("table.key.schema", "id:S");
        sink.put("table.auto.create", "false");
        sink.put("guard.strategy", strategy);
        connect.configureConnector(table + "-sink", sink);
    }

    private static void undeploy(EmbeddedConnectCluster connect, String table) {
        connect.deleteConnector(table + "-source");
        connect.deleteConnector(table + "-sink");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> connectorConfig(String file, StoreEmulator emulator) throws IOException {
        JsonNode request = JSON.readTree(SystemTestWorker.configFile(file).toFile());
        Map<String, String> config = new HashMap<>(JSON.convertValue(request.get("config"), Map.class));
        config.put("aws.endpoint.override", emulator.endpoint().toString());
        return config;
    }

    /** The worker of {@code config/connect-distributed.properties} (JSON records), on the built plugin. */
    private static Map<String, String> workerProps() {
        Map<String, String> props = SystemTestWorker.props();
        props.put("offset.flush.interval.ms", "5000");
        return props;
    }

    private static long awaitApplied(ReplicaWatcher watcher, long count) throws InterruptedException {
        while (watcher.applied() < count) {
            Thread.sleep(5);
        }
        return System.nanoTime();
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static DynamoDbClient client(StoreEmulator emulator) {
        return DynamoDbClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    private static DynamoDbStreamsClient streams(StoreEmulator emulator) {
        return DynamoDbStreamsClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
