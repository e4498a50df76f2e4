package dev.shardbridge.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shardbridge.emulator.StoreEmulator;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the system tests run against: the emulator, a client for it, and one Kafka broker with one Connect
 * worker set up as {@link SystemTestWorker} says. Connectors are deployed from {@code config/} JSON.
 */
final class SystemStack implements AutoCloseable {

    static final String PARCEL_SCANS = "parcel_scans";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreEmulator emulator;
    private final DynamoDbClient dynamoDb;
    private final EmbeddedConnectCluster connect;

    private SystemStack(String name) {
        emulator = StoreEmulator.start();
        dynamoDb = DynamoDbClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        connect = new EmbeddedConnectCluster.Builder().name(name).numWorkers(1).numBrokers(1)
                .workerProps(SystemTestWorker.props()).build();
        connect.start();
    }

    static SystemStack start(String name) {
        return new SystemStack(name);
    }

    StoreEmulator emulator() {
        return emulator;
    }

    DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    EmbeddedConnectCluster connect() {
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

    /** Deploys the connector of {@code config/<file>}, pointed at this emulator; returns its name. */
    String deploy(String file) {
        try {
            JsonNode request = JSON.readTree(SystemTestWorker.configFile(file).toFile());
            @SuppressWarnings("unchecked")
            Map<String, String> config = new HashMap<>(JSON.convertValue(request.get("config"), Map.class));
            config.put("aws.endpoint.override", emulator.endpoint().toString());
            String name = request.get("name").asText();
            connect.configureConnector(name, config);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the source connector {@code name} has finished its snapshot of {@code table}, as its committed
     * offsets say: a partition per scan segment, each with {@code "done": true}.
     */
    void awaitSnapshotDone(String name, String table) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!snapshotDone(name, table)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the snapshot of " + table + " did not finish: "
                        + connect.connectorOffsets(name));
            }
            Thread.sleep(200);
        }
    }

    private boolean snapshotDone(String name, String table) {
        List<Map<String, ?>> segments = connect.connectorOffsets(name).offsets().stream()
                .filter(entry -> entry.partition().containsKey("snapshot_segment")
                        && table.equals(entry.partition().get("table")))
                .<Map<String, ?>>map(ConnectorOffset::offset).toList();
        return !segments.isEmpty()
                && segments.stream().allMatch(offset -> Boolean.TRUE.equals(offset.get("done")))
                && segments.size() == ((Number) segments.get(0).get("segments")).intValue();
    }

    @Override
    public void close() {
        connect.stop();
        dynamoDb.close();
        emulator.close();
    }
}
