package dev.shardbridge.source.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KIP-618 on a real cluster: with {@code exactly.once.source.support=enabled} on the workers and
 * {@code exactly.once.support=required} on the connector, a read_committed consumer sees every change exactly
 * once and in table order per key, although the tasks are restarted several times while the table is written
 * and a partition splits.
 */
class ExactlyOnceSourceIT {

    private static final String TABLE = "payments";
    private static final String CONNECTOR = "payments-source";
    private static final int WRITES = 2_000;

    private static SourceCluster cluster;

    @BeforeAll
    static void startCluster() {
        Properties broker = new Properties();
        broker.put("transaction.state.log.replication.factor", "1");
        broker.put("transaction.state.log.min.isr", "1");
        cluster = SourceCluster.start(1, Map.of("exactly.once.source.support", "enabled"), broker);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void restartedTasksAddNoDuplicateAndKeepTableOrder() throws Exception {
        cluster.createTable(TABLE, 3);
        Map<String, String> config = new HashMap<>(cluster.sourceConfig(TABLE, 4));
        config.put("exactly.once.support", "required");
        cluster.connect().configureConnector(CONNECTOR, config);
        cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 3, "one task per shard");

        KeyedWrites writes = new KeyedWrites(cluster.dynamoDb(), TABLE, 100, 7);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < WRITES; i++) {
                writes.next();
                if (i % 4 == 0) {
                    pause();
                }
            }
        }, writer);
        for (int restart = 1; restart <= 3; restart++) {
            writes.awaitWritten(restart * WRITES / 4);
            if (restart == 2) {
                cluster.emulator().admin().splitPartition(TABLE, 0);
            }
            cluster.connect().restartConnectorAndTasks(CONNECTOR, false, true, false);
        }
        writing.get(2, TimeUnit.MINUTES);
        writer.shutdown();

        Map<String, List<String>> expected = writes.expected();
        try (ChangeTopic topic = new ChangeTopic(cluster.connect().kafka(), TABLE, "committed-reader", true)) {
            List<ChangeTopic.Delivered> delivered = topic.readUntil(
                    SourceConnectorClusterIT.allFirstSeen(expected), Duration.ofMinutes(2));
            Map<String, List<String>> everyDelivery = new HashMap<>();
            delivered.stream().filter(record -> record.event() != null).forEach(record -> everyDelivery
                    .computeIfAbsent(record.key(), k -> new java.util.ArrayList<>())
                    .add(KeyedWrites.label(record.event())));
            assertThat(everyDelivery).isEqualTo(expected);
        }
    }

    /**
     * A snapshot under exactly-once: every Scan page's rows and its segment's progress commit in one transaction,
     * so tasks restarted in the middle of the scan resume after the last committed page and a read_committed
     * consumer sees every existing item exactly once.
     */
    @Test
    void aSnapshotRestartedMidwayDeliversEveryExistingItemExactlyOnce() throws Exception {
        String table = "balances";
        String connector = "balances-source";
        int seeded = 6_000;
        cluster.emulator().admin().setPartitions(table, 2);
        KeyedTable.create(cluster.dynamoDb(), table, null);
        SnapshotRace.seed(cluster.dynamoDb(), table, seeded);
        KeyedTable.enableStream(cluster.dynamoDb(), table);

        Map<String, String> config = new HashMap<>(SnapshotSourceClusterIT.snapshotConfig(cluster, table, "initial",
                100, Map.of("snapshot.max.items.per.second", "1000")));
        config.put("exactly.once.support", "required");
        cluster.connect().configureConnector(connector, config);
        try (ChangeTopic topic = new ChangeTopic(cluster.connect().kafka(), table, "committed-snapshot-reader", true)) {
            for (int restart = 1; restart <= 2; restart++) {
                int seen = restart * seeded / 3;
                topic.readUntil(delivered -> delivered.size() >= seen, Duration.ofMinutes(1));
                cluster.connect().restartConnectorAndTasks(connector, false, true, false);
            }
            List<ChangeTopic.Delivered> delivered = topic.readUntil(
                    records -> SnapshotRace.labelsPerKey(records).size() == seeded, Duration.ofMinutes(2));
            // Keep reading a while, so anything a restart repeated would arrive before counting.
            java.time.Instant settled = java.time.Instant.now().plusSeconds(3);
            delivered = topic.readUntil(records -> java.time.Instant.now().isAfter(settled), Duration.ofSeconds(10));
            assertThat(delivered).hasSize(seeded);
            assertThat(SnapshotRace.labelsPerKey(delivered).values()).allSatisfy(labels ->
                    assertThat(labels).containsExactly("put:0"));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
