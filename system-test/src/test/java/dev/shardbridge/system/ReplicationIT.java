package dev.shardbridge.system;

import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Source and sink from the plugin archive and the {@code config/} JSON, end to end: a table that splits and
 * rolls over while it is written, updated and deleted from is replicated; then each connector is made to
 * deliver everything again (its offsets reset) and the replica must still equal the source item by item.
 */
class ReplicationIT {

    private static final String TABLE = SystemStack.PARCEL_SCANS;
    private static final String REPLICA = TABLE + "_replica";

    private static SystemStack stack;
    private static EmbeddedConnectCluster connect;
    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void start() {
        stack = SystemStack.start("shardbridge-replication");
        connect = stack.connect();
        dynamoDb = stack.dynamoDb();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void theReplicaEqualsTheSourceAcrossSplitsRolloversAndRedelivery() throws Exception {
        stack.createParcelScans();
        String source = stack.deploy("source-emulator.json");
        String sink = stack.deploy("sink-emulator.json");
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(source, 1, "source running");
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(sink, 1, "sink running");

        Random random = new Random(11);
        writeScans(random, 0, 400);
        stack.emulator().admin().splitPartition(TABLE, 1);
        writeScans(random, 400, 800);
        stack.emulator().admin().rollShards(TABLE);
        writeScans(random, 800, 1_200);
        awaitReplicaEqualsSource("after the first pass");

        // The sink reads its whole topic again: every change arrives a second time, out of date by then.
        connect.stopConnector(sink);
        connect.resetConnectorOffsets(sink);
        connect.resumeConnector(sink);
        writeScans(random, 1_200, 1_300);
        awaitReplicaEqualsSource("after the sink replayed its topic");

        // The source re-reads every retained stream record and, its snapshot progress reset too, scans the table
        // again: Kafka now holds each change twice and every item once more as a snapshot read.
        connect.stopConnector(source);
        connect.resetConnectorOffsets(source);
        connect.resumeConnector(source);
        writeScans(random, 1_300, 1_400);
        awaitReplicaEqualsSource("after the source re-emitted the stream");
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
        assertThat(stack.awaitReplicaEqualsSource(TABLE, REPLICA, Duration.ofSeconds(90))).as("replica " + when)
                .isEmpty();
    }
}
