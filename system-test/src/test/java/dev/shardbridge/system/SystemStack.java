package dev.shardbridge.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shardbridge.emulator.StoreEmulator;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * What the system tests and benchmarks run against: the emulator, clients for it, and one Kafka broker with
 * one Connect worker set up as {@link SystemTestWorker} says. Connectors are deployed from {@code config/} JSON.
 */
public final class SystemStack implements AutoCloseable {

    static final String PARCEL_SCANS = "parcel_scans";
    /** Key attribute of the tables {@link #createKeyedTable} makes. */
    public static final String ID = "id";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 25;

    private final StoreEmulator emulator;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private final EmbeddedConnectCluster connect;

    private SystemStack(String name, Map<String, String> workerOverrides) {
        emulator = StoreEmulator.start();
        AwsBasicCredentials credentials = AwsBasicCredentials.create("local", "local");
        dynamoDb = DynamoDbClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
        Map<String, String> workerProps = SystemTestWorker.props();
        workerProps.putAll(workerOverrides);
        connect = new EmbeddedConnectCluster.Builder().name(name).numWorkers(1).numBrokers(1)
                .workerProps(workerProps).build();
        connect.start();
    }

    public static SystemStack start(String name) {
        return new SystemStack(name, Map.of());
    }

    /** A stack whose worker takes {@code workerOverrides} over the settings of {@link SystemTestWorker}. */
    public static SystemStack start(String name, Map<String, String> workerOverrides) {
        return new SystemStack(name, workerOverrides);
    }

    public StoreEmulator emulator() {
        return emulator;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public DynamoDbStreamsClient streams() {
        return streams;
    }

    public EmbeddedConnectCluster connect() {
        return connect;
    }

    /** The quickstart's table: parcel id and scan sequence number as key, 4 partitions, NEW_AND_OLD_IMAGES. */
    void createParcelScans() {
        emulator.admin().setPartitions(PARCEL_SCANS, 4);
        dynamoDb.createTable(request -> request.tableName(PARCEL_SCANS)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("parcel_id").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("scan_seq").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("parcel_id").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("scan_seq").keyType(KeyType.RANGE).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    /**
     * A table keyed by the string {@value #ID} over {@code partitions} emulator partitions (stream shards), with a
     * stream of {@code view}, or without a stream when {@code view} is null. Returns the stream ARN, or null.
     */
    public String createKeyedTable(String table, int partitions, StreamViewType view) {
        emulator.admin().setPartitions(table, partitions);
        dynamoDb.createTable(request -> {
            request.tableName(table)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(ID)
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName(ID).keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST);
            if (view != null) {
                request.streamSpecification(spec -> spec.streamEnabled(true).streamViewType(view));
            }
        });
        return view == null ? null : streamArn(table);
    }

    /** Turns on the stream of a table that has none (UpdateTable); returns its ARN. */
    public String enableStream(String table, StreamViewType view) {
        dynamoDb.updateTable(request -> request.tableName(table)
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(view)));
        return streamArn(table);
    }

    private String streamArn(String table) {
        return dynamoDb.describeTable(request -> request.tableName(table)).table().latestStreamArn();
    }

    /**
     * Writes {@code item.apply(i)} for i in [0, count) with 25-item BatchWriteItems on {@code threads} threads:
     * the fast way to give a table existing items.
     */
    public void seed(String table, int count, IntFunction<Map<String, AttributeValue>> item, int threads) {
        batchWrite(table, count, i -> WriteRequest.builder().putRequest(PutRequest.builder().item(item.apply(i))
                .build()).build(), threads);
    }

    /** Deletes the items of {@code keys} with 25-item BatchWriteItems on {@code threads} threads. */
    public void delete(String table, List<Map<String, AttributeValue>> keys, int threads) {
        batchWrite(table, keys.size(), i -> WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                .key(keys.get(i)).build()).build(), threads);
    }

    /** Sends {@code write.apply(i)} for i in [0, count) in 25-request BatchWriteItems, retrying unprocessed ones. */
    private void batchWrite(String table, int count, IntFunction<WriteRequest> write, int threads) {
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> slices = new ArrayList<>();
            int batches = (count + BATCH - 1) / BATCH;
            for (int thread = 0; thread < threads; thread++) {
                int first = thread;
                slices.add(writers.submit(() -> {
                    for (int batch = first; batch < batches; batch += threads) {
                        List<WriteRequest> requests = new ArrayList<>(BATCH);
                        for (int i = batch * BATCH; i < Math.min(count, (batch + 1) * BATCH); i++) {
                            requests.add(write.apply(i));
                        }
                        writeBatch(table, requests);
                    }
                }));
            }
            for (Future<?> slice : slices) {
                slice.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Writing to " + table + " failed", e);
        } finally {
            writers.shutdownNow();
        }
    }

    private void writeBatch(String table, List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            pending = dynamoDb.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }

    /** The connector JSON of {@code config/<file>}, pointed at this emulator: its name and its (mutable) config. */
    public Map.Entry<String, Map<String, String>> connectorConfig(String file) {
        try {
            JsonNode request = JSON.readTree(SystemTestWorker.configFile(file).toFile());
            @SuppressWarnings("unchecked")
            Map<String, String> config = new HashMap<>(JSON.convertValue(request.get("config"), Map.class));
            config.put("aws.endpoint.override", emulator.endpoint().toString());
            return Map.entry(request.get("name").asText(), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deploys the connector of {@code config/<file>}, pointed at this emulator; returns its name. */
    String deploy(String file) {
        Map.Entry<String, Map<String, String>> connector = connectorConfig(file);
        connect.configureConnector(connector.getKey(), connector.getValue());
        return connector.getKey();
    }

    /**
     * Replicates {@code table} into {@code <table>_replica}: the source of {@code config/source-emulator.json} as
     * {@code <table>-source} and the sink of {@code config/sink-emulator.json} as {@code <table>-sink}, for a table
     * of {@link #createKeyedTable} whose replica exists already, each with further settings of the caller's.
     */
    public void deployReplication(String table, Map<String, String> sourceSettings, Map<String, String> sinkSettings) {
        deploySource(table, sourceSettings);
        deploySink(table, sinkSettings);
    }

    /** The source half of {@link #deployReplication}. */
    public void deploySource(String table, Map<String, String> settings) {
        Map<String, String> source = connectorConfig("source-emulator.json").getValue();
        source.put("tables", table);
        source.putAll(settings);
        connect.configureConnector(table + "-source", source);
    }

    /** The sink half of {@link #deployReplication}. */
    public void deploySink(String table, Map<String, String> settings) {
        Map<String, String> sink = connectorConfig("sink-emulator.json").getValue();
        sink.put("topics", table);
        sink.put("table.key.schema", ID + ":S");
        sink.put("table.auto.create", "false");
        sink.put("errors.deadletterqueue.topic.name", table + "_replica_dlq");
        sink.putAll(settings);
        connect.configureConnector(table + "-sink", sink);
    }

    /** Deletes the connectors of {@link #deployReplication}. */
    public void undeployReplication(String table) {
        connect.deleteConnector(table + "-source");
        connect.deleteConnector(table + "-sink");
    }

    /**
     * Waits until the source connector {@code name} has finished its snapshot of {@code table}, as its committed
     * offsets say: a partition per scan segment, each with {@code "done": true}.
     */
    void awaitSnapshotDone(String name, String table) throws InterruptedException {
        awaitSnapshot(name, table, SnapshotProgress::allDone, Duration.ofSeconds(60), () -> { });
    }

    /**
     * Polls the committed snapshot offsets of {@code table} by source connector {@code name} (running
     * {@code onPoll} between polls) until {@code reached} holds of them; returns them then. Fails after
     * {@code timeout}, showing the offsets last seen.
     */
    public Map<Integer, SnapshotProgress.Segment> awaitSnapshot(String name, String table,
            Predicate<Map<Integer, SnapshotProgress.Segment>> reached, Duration timeout, Runnable onPoll)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<Integer, SnapshotProgress.Segment> segments = SnapshotProgress.segments(connect, name, table);
        while (!reached.test(segments)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the snapshot of " + table + " did not get there in " + timeout
                        + "; its segments: " + segments.values());
            }
            onPoll.run();
            Thread.sleep(200);
            segments = SnapshotProgress.segments(connect, name, table);
        }
        return segments;
    }

    /**
     * Waits up to {@code timeout} for the replica's visible items (tombstones and hidden attributes aside) to equal
     * the source's, item by item; returns the differences left at the end, empty when they are equal. The source
     * is read once: its writers must have stopped. The replica is compared in full only once it holds as many
     * visible items as the source, so waiting costs little more than a count.
     */
    public List<String> awaitReplicaEqualsSource(String source, String replica, Duration timeout)
            throws InterruptedException {
        TableContents expected = TableContents.read(dynamoDb, source, false);
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            boolean last = Instant.now().isAfter(deadline);
            if (last || TableContents.visibleCount(dynamoDb, replica) == expected.size()) {
                List<String> differences = expected.differences(TableContents.read(dynamoDb, replica, true), 10);
                if (differences.isEmpty() || last) {
                    return differences;
                }
            }
            Thread.sleep(500);
        }
    }

    @Override
    public void close() {
        connect.stop();
        streams.close();
        dynamoDb.close();
        emulator.close();
    }
}
