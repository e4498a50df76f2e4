package dev.shardbridge.source.cluster;

import dev.shardbridge.event.Operation;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code snapshot.mode=when_needed} end to end: a table is snapshotted, the connector is stopped for longer than
 * the stream's retention while the table changes, and on resuming it finds its stream positions trimmed. Instead
 * of a silent gap (or a failed task), it commits a second snapshot epoch and scans the table again, so every item
 * as it is now reaches Kafka once more, after its older versions.
 */
class ResnapshotClusterIT {

    private static final String TABLE = "accounts";
    private static final String CONNECTOR = "accounts-source";
    private static final int ITEMS = 2_000;

    private static SourceCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = SourceCluster.start(1, Map.of());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void positionsTrimmedWhileTheConnectorWasAwayStartASecondSnapshot() throws Exception {
        cluster.emulator().admin().setPartitions(TABLE, 2);
        KeyedTable.create(cluster.dynamoDb(), TABLE, null);
        SnapshotRace.seed(cluster.dynamoDb(), TABLE, ITEMS);
        KeyedTable.enableStream(cluster.dynamoDb(), TABLE);
        cluster.connect().configureConnector(CONNECTOR, SnapshotSourceClusterIT.snapshotConfig(cluster, TABLE,
                "when_needed", 500, Map.of()));
        KeyedWrites writes = new KeyedWrites(cluster.dynamoDb(), TABLE, 100, 3);
        for (int i = 0; i < 200; i++) {
            writes.next();
        }
        TestUtils.waitForCondition(() -> segmentsDone(1) == 4, 60_000, "the first snapshot finishes");
        // Every shard is spread over the tasks again and has emitted its changes.
        cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 2, "streaming");
        try (ChangeTopic topic = new ChangeTopic(cluster.connect().kafka(), TABLE, "before-stop", false)) {
            topic.readUntil(SnapshotRace.lastLabelsAre(SnapshotRace.finalLabels(ITEMS, writes)), Duration.ofMinutes(1));
        }

        cluster.connect().stopConnector(CONNECTOR);
        // Away for longer than the 24-hour retention: the shards it stood in roll over and age out, with the
        // changes written meanwhile that nobody read.
        for (int i = 0; i < 200; i++) {
            writes.next();
        }
        cluster.emulator().admin().advanceClock(Duration.ofHours(60));
        cluster.connect().resumeConnector(CONNECTOR);

        TestUtils.waitForCondition(() -> epoch() == 2 && segmentsDone(2) == 4, 90_000,
                "a second snapshot epoch is committed and finished");
        // A scan sees what the table holds: every item present now must end on its current version. An item
        // deleted while the changes were being trimmed is simply absent from the scan; no scan can report it.
        Map<String, String> present = SnapshotRace.finalLabels(ITEMS, writes);
        present.values().removeIf(label -> label.startsWith("del:"));
        try (ChangeTopic topic = new ChangeTopic(cluster.connect().kafka(), TABLE, "after-resume", false)) {
            List<ChangeTopic.Delivered> delivered = topic.readUntil(records -> {
                Map<String, List<String>> perKey = SnapshotRace.labelsPerKey(records);
                return present.entrySet().stream().allMatch(item -> perKey.containsKey(item.getKey())
                        && item.getValue().equals(perKey.get(item.getKey()).get(perKey.get(item.getKey()).size() - 1)));
            }, Duration.ofMinutes(1));
            SnapshotRace.assertNoRegression(delivered);
            long readTwice = delivered.stream().filter(d -> d.event() != null && d.event().op() == Operation.READ)
                    .collect(java.util.stream.Collectors.groupingBy(ChangeTopic.Delivered::key,
                            java.util.stream.Collectors.counting()))
                    .values().stream().filter(count -> count >= 2).count();
            assertThat(readTwice).as("items read by both snapshots").isGreaterThan(ITEMS / 2);
        }
    }

    private static long epoch() {
        return offsets().stream().filter(offset -> "epoch".equals(offset.partition().get("snapshot"))
                        && offset.offset() != null)
                .mapToLong(offset -> ((Number) offset.offset().get("epoch")).longValue()).max().orElse(1);
    }

    private static long segmentsDone(long epoch) {
        return offsets().stream().filter(offset -> offset.partition().containsKey("snapshot_segment")
                && offset.offset() != null && Boolean.TRUE.equals(offset.offset().get("done"))
                && ((Number) offset.offset().get("epoch")).longValue() == epoch).count();
    }

    private static List<ConnectorOffset> offsets() {
        return cluster.connect().connectorOffsets(CONNECTOR).offsets();
    }
}
