package dev.shardbridge.source.cluster;

import dev.shardbridge.event.Operation;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code start.position=snapshot} on a real cluster: a table that already holds items (written before its
 * stream existed, so only the scan can deliver them) is snapshotted while the same keys are updated and deleted.
 * Every item arrives, every key's last record is its final state, and along each key's records in Kafka the
 * version never goes back and a deleted version never comes back: the snapshot hands over to the stream without
 * a gap and without a regression. Afterwards the table's shards are spread over the tasks again.
 */
class SnapshotSourceClusterIT {

    private static final String TABLE = "stock";
    private static final String CONNECTOR = "stock-source";
    private static final int SEEDED = 20_000;
    private static final int HOT_KEYS = 400;
    private static final int WRITES = 4_000;
    private static final int PARTITIONS = 3;

    private static SourceCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = SourceCluster.start(2, Map.of());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void existingItemsAndRacingChangesArriveWithoutGapOrRegression() throws Exception {
        cluster.emulator().admin().setPartitions(TABLE, PARTITIONS);
        KeyedTable.create(cluster.dynamoDb(), TABLE, null);
        seed();
        KeyedTable.enableStream(cluster.dynamoDb(), TABLE);

        Map<String, String> config = new HashMap<>(cluster.sourceConfig(TABLE, 4));
        config.put("start.position", "snapshot");
        config.put("snapshot.segments", "4");
        // Slow and fine-grained enough that the writes below race the scan page by page.
        config.put("snapshot.max.items.per.second", "2500");
        config.put("snapshot.page.items", "100");
        config.put("snapshot.watermark.delay.ms", "20");
        cluster.connect().configureConnector(CONNECTOR, config);
        cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 1,
                "the snapshotted table's scan and shards run in one task");

        // Updates and deletes of keys the scan is reading, at the same time.
        KeyedWrites writes = new KeyedWrites(cluster.dynamoDb(), TABLE, HOT_KEYS, 5);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < WRITES; i++) {
                writes.next();
                if (i % 8 == 0) {
                    SourceConnectorClusterIT.sleepMillis(10);
                }
            }
        });
        writing.get(3, TimeUnit.MINUTES);

        Map<String, String> finalLabels = finalLabels(writes);
        try (ChangeTopic topic = new ChangeTopic(cluster.connect().kafka(), TABLE, "snapshot-reader", false)) {
            List<ChangeTopic.Delivered> delivered = topic.readUntil(lastLabelsAre(finalLabels), Duration.ofMinutes(3));

            Map<String, List<String>> perKey = labelsPerKey(delivered);
            perKey.forEach((key, labels) -> assertThat(ranks(labels)).as("versions of %s along Kafka: %s", key, labels)
                    .isSorted());
            long snapshotRows = delivered.stream().filter(d -> d.event() != null && d.event().op() == Operation.READ)
                    .map(ChangeTopic.Delivered::key).distinct().count();
            assertThat(snapshotRows).as("keys delivered by the scan").isGreaterThanOrEqualTo(SEEDED - HOT_KEYS);
            SourceConnectorClusterIT.assertTombstonesFollowDeletes(delivered);
        }

        // The last rows are in Kafka; their segments' done markers commit at the next offset flush. Read through
        // the REST offsets API, which finds offsets only if partitions serialize alike in every JVM.
        TestUtils.waitForCondition(() -> segmentsDone() == 4, 30_000, "every snapshot segment commits done");
        cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, PARTITIONS,
                "once the snapshot is done, the shards are spread over the tasks again");
    }

    @Test
    void aScanOnlySnapshotSpreadsItsSegmentsOverTheTasksAndDeliversEveryItem() throws Exception {
        String table = "ledger";
        String connector = "ledger-export";
        cluster.emulator().admin().setPartitions(table, 2);
        KeyedTable.create(cluster.dynamoDb(), table, null);
        seed(table, 5_000);

        Map<String, String> config = new HashMap<>(cluster.sourceConfig(table, 4));
        config.put("start.position", "snapshot");
        config.put("snapshot.mode", "initial_only");
        config.put("snapshot.segments", "4");
        config.put("snapshot.page.items", "200");
        cluster.connect().configureConnector(connector, config);
        cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 4,
                "a table without a stream to order against scans one segment per task");

        try (ChangeTopic topic = new ChangeTopic(cluster.connect().kafka(), table, "export-reader", false)) {
            List<ChangeTopic.Delivered> delivered = topic.readUntil(
                    records -> labelsPerKey(records).size() == 5_000, Duration.ofMinutes(2));
            assertThat(delivered).allSatisfy(record -> assertThat(record.event().op()).isEqualTo(Operation.READ));
            assertThat(labelsPerKey(delivered).values()).allSatisfy(labels -> assertThat(labels).containsOnly("put:0"));
        }
        TestUtils.waitForCondition(() -> segmentsDone(connector) == 4, 30_000, "every segment commits done");
    }

    private static long segmentsDone() {
        return segmentsDone(CONNECTOR);
    }

    private static long segmentsDone(String connector) {
        List<ConnectorOffset> offsets = cluster.connect().connectorOffsets(connector).offsets();
        return offsets.stream().filter(offset -> offset.partition().containsKey("snapshot_segment")
                && offset.offset() != null && Boolean.TRUE.equals(offset.offset().get("done"))).count();
    }

    private static void seed() {
        seed(TABLE, SEEDED);
    }

    /** Items written before the stream exists: version 0, the same shape the writes use. */
    private static void seed(String table, int count) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    "id", AttributeValue.fromS("k-" + i), "v", AttributeValue.fromN("0"),
                    "payload", AttributeValue.fromS("x".repeat(200)))).build()).build());
            if (batch.size() == 25 || i == count - 1) {
                List<WriteRequest> items = List.copyOf(batch);
                var response = cluster.dynamoDb().batchWriteItem(request -> request.requestItems(Map.of(table, items)));
                assertThat(response.unprocessedItems()).isEmpty();
                batch.clear();
            }
        }
    }

    /** Per key, the label its last record must carry: the last write, or the seeded version for untouched keys. */
    private static Map<String, String> finalLabels(KeyedWrites writes) {
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < SEEDED; i++) {
            labels.put(Map.of("id", AttributeValue.fromS("k-" + i)).toString(), "put:0");
        }
        writes.expected().forEach((key, changes) -> labels.put(key, changes.get(changes.size() - 1)));
        return labels;
    }

    private static Predicate<List<ChangeTopic.Delivered>> lastLabelsAre(Map<String, String> expected) {
        return delivered -> {
            Map<String, String> last = new HashMap<>();
            labelsPerKey(delivered).forEach((key, labels) -> last.put(key, labels.get(labels.size() - 1)));
            return last.equals(expected);
        };
    }

    private static Map<String, List<String>> labelsPerKey(List<ChangeTopic.Delivered> delivered) {
        Map<String, List<String>> perKey = new HashMap<>();
        delivered.stream().filter(record -> record.event() != null).forEach(record -> perKey
                .computeIfAbsent(record.key(), k -> new ArrayList<>()).add(KeyedWrites.label(record.event())));
        return perKey;
    }

    /**
     * A total order of one key's states: version v put ranks 2v, its delete 2v+1. A repeat is equal; an older
     * value after a newer one, or the deleted version coming back, ranks lower.
     */
    private static List<Integer> ranks(List<String> labels) {
        return labels.stream().map(label -> {
            int v = Integer.parseInt(label.substring(label.indexOf(':') + 1));
            return label.startsWith("del:") ? 2 * v + 1 : 2 * v;
        }).toList();
    }
}
