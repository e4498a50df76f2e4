package dev.shardbridge.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shardbridge.emulator.StoreEmulator;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Source and sink from the plugin archive and the {@code config/} JSON, end to end: a table that splits and
 * rolls over while it is written, updated and deleted from is replicated; then each connector is made to
 * deliver everything again (its offsets reset) and the replica must still equal the source item by item.
 */
class ReplicationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "parcel_scans";
    private static final String REPLICA = "parcel_scans_replica";

    private static StoreEmulator emulator;
    private static EmbeddedConnectCluster connect;
    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void start() {
        emulator = StoreEmulator.start();
        dynamoDb = DynamoDbClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        connect = new EmbeddedConnectCluster.Builder().name("shardbridge-replication").numWorkers(1).numBrokers(1)
                .workerProps(SystemTestWorker.props()).build();
        connect.start();
    }

    @AfterAll
    static void stop() {
        connect.stop();
        dynamoDb.close();
        emulator.close();
    }

    @Test
    void theReplicaEqualsTheSourceAcrossSplitsRolloversAndRedelivery() throws Exception {
        createTable();
        String source = deploy("source-emulator.json");
        String sink = deploy("sink-emulator.json");
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(source, 1, "source running");
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(sink, 1, "sink running");

        Random random = new Random(11);
        writeScans(random, 0, 400);
        emulator.admin().splitPartition(TABLE, 1);
        writeScans(random, 400, 800);
        emulator.admin().rollShards(TABLE);
        writeScans(random, 800, 1_200);
        awaitReplicaEqualsSource("after the first pass");

        // The sink reads its whole topic again: every change arrives a second time, out of date by then.
        connect.stopConnector(sink);
        connect.resetConnectorOffsets(sink);
        connect.resumeConnector(sink);
        writeScans(random, 1_200, 1_300);
        awaitReplicaEqualsSource("after the sink replayed its topic");

        // The source re-reads every retained stream record: Kafka now holds each change twice.
        connect.stopConnector(source);
        connect.resetConnectorOffsets(source);
        connect.resumeConnector(source);
        writeScans(random, 1_300, 1_400);
        awaitReplicaEqualsSource("after the source re-emitted the stream");
    }

    private static String deploy(String file) throws IOException {
        JsonNode request = JSON.readTree(SystemTestWorker.configFile(file).toFile());
        @SuppressWarnings("unchecked")
        Map<String, String> config = JSON.convertValue(request.get("config"), Map.class);
        config.put("aws.endpoint.override", emulator.endpoint().toString());
        String name = request.get("name").asText();
        connect.configureConnector(name, config);
        return name;
    }

    private static void createTable() {
        emulator.admin().setPartitions(TABLE, 4);
        dynamoDb.createTable(request -> request.tableName(TABLE)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("parcel_id").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("scan_seq").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("parcel_id").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("scan_seq").keyType(KeyType.RANGE).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    /** Inserts, updates of earlier scans and deletes, over 60 parcels, so keys see long change histories. */
    private static void writeScans(Random random, int from, int to) {
        for (int i = from; i < to; i++) {
            String parcel = "P" + random.nextInt(60);
            String seq = Integer.toString(random.nextInt(8));
            Map<String, AttributeValue> key = Map.of("parcel_id", AttributeValue.fromS(parcel),
                    "scan_seq", AttributeValue.fromN(seq));
            switch (random.nextInt(10)) {
                case 0, 1 -> dynamoDb.deleteItem(request -> request.tableName(TABLE).key(key));
                case 2, 3, 4 -> dynamoDb.updateItem(request -> request.tableName(TABLE).key(key)
                        .updateExpression("SET #op = :op, city = :city ADD touches :one")
                        .expressionAttributeNames(Map.of("#op", "operation"))
                        .expressionAttributeValues(Map.of(":op", AttributeValue.fromS("TransferOut"),
                                ":city", AttributeValue.fromS("City-" + random.nextInt(5)),
                                ":one", AttributeValue.fromN("1"))));
                default -> {
                    Map<String, AttributeValue> item = new HashMap<>(key);
                    item.put("operation", AttributeValue.fromS("SignIn"));
                    item.put("scanner", AttributeValue.fromS("S-" + random.nextInt(10)));
                    item.put("weight_kg", AttributeValue.fromN(random.nextInt(50) + "." + random.nextInt(100)));
                    item.put("tags", AttributeValue.fromSs(java.util.List.of("fragile", "t" + random.nextInt(3))));
                    dynamoDb.putItem(request -> request.tableName(TABLE).item(item));
                }
            }
        }
    }

    private static void awaitReplicaEqualsSource(String when) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Map<String, Map<String, AttributeValue>> source = items(TABLE);
        Map<String, Map<String, AttributeValue>> replica = replicaItems();
        while (!replica.equals(source) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            replica = replicaItems();
        }
        assertThat(replica).as("replica " + when).isEqualTo(source);
    }

    private static Map<String, Map<String, AttributeValue>> replicaItems() {
        try {
            Map<String, Map<String, AttributeValue>> visible = new TreeMap<>();
            items(REPLICA).forEach((key, item) -> {
                if (!item.containsKey("_shardbridge_deleted")) {
                    Map<String, AttributeValue> data = new HashMap<>(item);
                    data.keySet().removeIf(name -> name.startsWith("_shardbridge_"));
                    visible.put(key, data);
                }
            });
            return visible;
        } catch (ResourceNotFoundException e) {
            return Map.of();
        }
    }

    /** Every item of {@code table} by "parcel/seq", read with a consistent scan. */
    private static Map<String, Map<String, AttributeValue>> items(String table) {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        dynamoDb.scanPaginator(request -> request.tableName(table).consistentRead(true)).items().forEach(item ->
                items.put(item.get("parcel_id").s() + "/" + item.get("scan_seq").n(), item));
        return items;
    }
}
