package dev.shardbridge.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What users download, used as users use it: the built plugin directory is a Connect worker's
 * {@code plugin.path} (the connectors are not on this test's classpath, so the worker can only load them from
 * the archive, in its own class loader), and the connector JSON comes from {@code config/} with only the
 * emulator's address filled in.
 */
class PluginArchiveIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = SystemStack.PARCEL_SCANS;

    private static SystemStack stack;
    private static EmbeddedConnectCluster connect;
    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void start() {
        assertThat(SystemTestWorker.pluginPath().resolve("shardbridge-" + version()).resolve("manifest.json"))
                .as("the plugin archive was built").exists();
        stack = SystemStack.start("shardbridge-system");
        connect = stack.connect();
        dynamoDb = stack.dynamoDb();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void theWorkerLoadsEveryComponentFromTheArchive() throws IOException {
        String plugins = connect.requestGet(connect.endpointForResource("connector-plugins?connectorsOnly=false"))
                .getEntity().toString();
        assertThat(plugins)
                .contains("dev.shardbridge.source.DynamoDbStreamsSourceConnector")
                .contains("dev.shardbridge.event.cbor.CborConverter")
                .contains("dev.shardbridge.event.transforms.ExtractNewImage")
                .contains(version());
        assertThat(getClass().getClassLoader().getResource("dev/shardbridge/source/DynamoDbStreamsSourceConnector.class"))
                .as("not on the test classpath, so it came from plugin.path").isNull();
    }

    @Test
    void theSourceFromConfigJsonStreamsASplittingTableAndResumesExactlyAfterARestart() throws Exception {
        stack.createParcelScans();
        String name = stack.deploy("source-emulator.json");
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(name, 1, "source running");
        // The JSON starts with a snapshot; of an empty table it adds no records. Writing once it is done keeps a
        // scan that runs late from reading the first writes too, which would be legitimate but not exactly once.
        stack.awaitSnapshotDone(name, TABLE);

        write(0, 300);
        stack.emulator().admin().splitPartition(TABLE, 0);
        write(300, 600);
        List<String> firstRun = readScans(600);

        connect.stopConnector(name);
        connect.assertions().assertConnectorIsStopped(name, "stopped");
        write(600, 900);
        connect.resumeConnector(name);
        List<String> all = readScans(900);

        assertThat(firstRun).hasSize(600);
        assertThat(all).as("every scan exactly once, across the split and the restart").hasSize(900)
                .doesNotHaveDuplicates();
    }

    private static void write(int from, int to) {
        for (int i = from; i < to; i++) {
            String parcel = "P" + (i % 40);
            String seq = Integer.toString(i);
            dynamoDb.putItem(request -> request.tableName(TABLE).item(Map.of(
                    "parcel_id", AttributeValue.fromS(parcel), "scan_seq", AttributeValue.fromN(seq),
                    "operation", AttributeValue.fromS("TransferIn"), "city", AttributeValue.fromS("Hangzhou"))));
        }
    }

    /** Every change event in the table's topic as "parcel/seq", reading until {@code count} are there. */
    private static List<String> readScans(int count) throws IOException {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> scans = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(60);
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumerAndSubscribeTo(props, TABLE)) {
            while (scans.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    scans.add(scan(record));
                }
            }
            // Anything beyond the expected count would be a duplicate: give it a moment to show up.
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(2))) {
                scans.add(scan(record));
            }
        }
        return scans;
    }

    private static String scan(ConsumerRecord<byte[], byte[]> record) throws IOException {
        JsonNode after = JSON.readTree(record.value()).get("payload").get("after");
        return after.get("parcel_id").get("S").asText() + "/" + after.get("scan_seq").get("N").asText();
    }

    private static String version() {
        return SystemTestWorker.version();
    }
}
