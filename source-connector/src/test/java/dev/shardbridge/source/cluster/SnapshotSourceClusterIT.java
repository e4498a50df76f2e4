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
        existingItems(TABLE, PARTITIONS, SEEDED);
        KeyedTable.enableStream(cluster.dynamoDb(), TABLE);

        // Slow and fine-grained enough that the writes below race the scan page by page.
        cluster.connect().configureConnector(CONNECTOR, snapshotConfig(cluster, TABLE, "initial", 100,
                Map.of("snapshot.max.items.per.second", "2500", "snapshot.watermark.delay.ms", "20")));
        cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 1,
                "the snapshotted table's scan and shards run in one task");

        // Updates and deletes of keys the scan is reading, at the same time.
        KeyedWrites writes = SnapshotRace.race(cluster.dynamoDb(), TABLE, HOT_KEYS, WRITES);

        Map<String, String> finalLabels = SnapshotRace.finalLabels(SEEDED, writes);
        try (ChangeTopic topic = new ChangeTopic(cluster.connect().kafka(), TABLE, "snapshot-reader", false)) {
            List<ChangeTopic.Delivered> delivered = topic.readUntil(SnapshotRace.lastLabelsAre(finalLabels),
                    Duration.ofMinutes(3));
            SnapshotRace.assertNoRegression(delivered);
            assertThat(SnapshotRace.keysScanned(delivered)).as("keys delivered by the scan")
                    .isGreaterThanOrEqualTo(SEEDED - HOT_KEYS);
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
        existingItems(table, 2, 5_000);
        cluster.connect().configureConnector(connector, snapshotConfig(cluster, table, "initial_only", 200, Map.of()));
        cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 4,
                "a table without a stream to order against scans one segment per task");

        try (ChangeTopic topic = new ChangeTopic(cluster.connect().kafka(), table, "export-reader", false)) {
            List<ChangeTopic.Delivered> delivered = topic.readUntil(
                    records -> SnapshotRace.labelsPerKey(records).size() == 5_000, Duration.ofMinutes(2));
            assertThat(delivered).allSatisfy(record -> assertThat(record.event().op()).isEqualTo(Operation.READ));
            assertThat(SnapshotRace.labelsPerKey(delivered).values())
                    .allSatisfy(labels -> assertThat(labels).containsOnly("put:0"));
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

    /** A snapshot of {@code table} with four segments, four tasks at most, and {@code extra} settings. */
    static Map<String, String> snapshotConfig(SourceCluster cluster, String table, String mode, int pageItems,
                                              Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(cluster.sourceConfig(table, 4));
        config.put("start.position", "snapshot");
        config.put("snapshot.mode", mode);
        config.put("snapshot.segments", "4");
        config.put("snapshot.page.items", Integer.toString(pageItems));
        config.putAll(extra);
        return config;
    }

    /** A table of {@code partitions} partitions without a stream, holding {@code count} existing items. */
    private static void existingItems(String table, int partitions, int count) {
        cluster.emulator().admin().setPartitions(table, partitions);
        KeyedTable.create(cluster.dynamoDb(), table, null);
        SnapshotRace.seed(cluster.dynamoDb(), table, count);
    }
}
