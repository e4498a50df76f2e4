package dev.shardbridge.source.cluster;

import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source connector on a real Kafka + Connect cluster reading AWS's own DynamoDB Local (2.6.1, in this JVM)
 * instead of our emulator: a second Streams implementation nobody here wrote. DynamoDB Local has one shard per
 * table and no splits, so the lineage comes from rollovers, triggered through its test control: twice before the
 * connector starts (a backlog across three shards, read by three tasks at once) and once while it runs, as the
 * table takes puts, overwrites and deletes; a worker stops near the end. Per key, the changes must first appear
 * in Kafka exactly in the order the table applied them, none missing, across four generations of shards.
 */
class DynamoDbLocalStreamsClusterIT {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbLocalStreamsClusterIT.class);
    private static final String TABLE = "shipments";
    private static final String CONNECTOR = "shipments-source";
    private static final int WRITES = 2_000;

    private static DynamoDbLocalServer dynamoDbLocal;
    private static SourceCluster cluster;

    @BeforeAll
    static void start() {
        dynamoDbLocal = DynamoDbLocalServer.start();
        cluster = SourceCluster.startFor(dynamoDbLocal.endpoint(), 3, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (dynamoDbLocal != null) {
            dynamoDbLocal.close();
        }
        log.info("Peak heap of this JVM (DynamoDB Local, Kafka and Connect together): {} MB", peakHeapMegabytes());
    }

    @Test
    void streamsATableThroughThreeRolloversAndAStoppedWorkerInTableOrderWithoutLoss() throws Exception {
        KeyedTable.create(cluster.dynamoDb(), TABLE);
        KeyedWrites writes = new KeyedWrites(cluster.dynamoDb(), TABLE, 120, 11);
        // A backlog across two rollovers before the connector starts: two closed shards full of changes and the
        // open one, each on its own task, so the children are read in order only if they wait for their parents.
        for (int i = 1; i <= WRITES / 2; i++) {
            writes.next();
            if (i % (WRITES / 4) == 0) {
                dynamoDbLocal.rollShards(cluster.dynamoDb());
            }
        }
        Map<String, String> config = cluster.sourceConfig(TABLE, 4);
        config.put("poll.max.records", "100");
        cluster.connect().configureConnector(CONNECTOR, config);
        cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 3,
                "one task per shard: two rolled over, one open");

        ExecutorService writer = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            for (int i = WRITES / 2 + 1; i <= WRITES; i++) {
                writes.next();
                if (i == 3 * WRITES / 4) {
                    dynamoDbLocal.rollShards(cluster.dynamoDb());
                }
                if (i == 7 * WRITES / 8) {
                    WorkerHandle stopped = cluster.connect().workers().iterator().next();
                    cluster.connect().removeWorker(stopped);
                }
                pause();
            }
        }, writer);
        writing.get(2, TimeUnit.MINUTES);
        writer.shutdown();

        Map<String, List<String>> expected = writes.expected();
        try (ChangeTopic topic = new ChangeTopic(cluster.connect().kafka(), TABLE, "verifier", false)) {
            List<ChangeTopic.Delivered> delivered = topic.readUntil(
                    SourceConnectorClusterIT.allFirstSeen(expected), Duration.ofMinutes(1));
            assertThat(SourceConnectorClusterIT.firstSeenPerKey(delivered)).isEqualTo(expected);
            SourceConnectorClusterIT.assertTombstonesFollowDeletes(delivered);
            Set<String> shards = delivered.stream().map(ChangeTopic.Delivered::event).filter(Objects::nonNull)
                    .map(event -> event.source().shardId()).collect(Collectors.toSet());
            assertThat(shards).as("the first shard and the child of each of the three rollovers").hasSize(4);
        }
    }

    /**
     * The snapshot against AWS's own Scan: parallel segments, ExclusiveStartKey and consistent reads as DynamoDB
     * Local implements them. Items written before the table had a stream reach Kafka only through the scan, the
     * same keys are overwritten and deleted while it reads them, and per key nothing goes back.
     */
    @Test
    void snapshotsExistingItemsWhileTheyAreWrittenWithoutRegression() throws Exception {
        String table = "warehouse";
        String connector = "warehouse-source";
        int seeded = 3_000;
        int hotKeys = 150;
        KeyedTable.create(cluster.dynamoDb(), table, null);
        SnapshotRace.seed(cluster.dynamoDb(), table, seeded);
        KeyedTable.enableStream(cluster.dynamoDb(), table);

        cluster.connect().configureConnector(connector, SnapshotSourceClusterIT.snapshotConfig(cluster, table,
                "initial", 50, Map.of("snapshot.max.items.per.second", "1000", "snapshot.watermark.delay.ms", "50")));
        KeyedWrites writes = SnapshotRace.race(cluster.dynamoDb(), table, hotKeys, 1_500);

        try (ChangeTopic topic = new ChangeTopic(cluster.connect().kafka(), table, "snapshot-verifier", false)) {
            List<ChangeTopic.Delivered> delivered = topic.readUntil(
                    SnapshotRace.lastLabelsAre(SnapshotRace.finalLabels(seeded, writes)), Duration.ofMinutes(2));
            SnapshotRace.assertNoRegression(delivered);
            assertThat(SnapshotRace.keysScanned(delivered)).isGreaterThanOrEqualTo(seeded - hotKeys);
        }
    }

    /** A steady pace, so the last rollover and the worker stop fall while the connector is reading. */
    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long peakHeapMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(usage -> usage.getUsed()).sum() / (1024 * 1024);
    }
}
