package dev.shardbridge.source.cluster;

import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source connector on a real Kafka + Connect cluster (3 workers) reading a multi-partition table of the
 * in-process emulator while the table is written to, a partition splits, a worker stops and every shard rolls
 * over. Delivery is at least once here, so a restarted task may repeat changes; what must hold is that per key
 * the changes first appear in exactly the order the table applied them, and none is missing.
 */
class SourceConnectorClusterIT {

    private static final String TABLE = "orders";
    private static final String CONNECTOR = "orders-source";
    private static final int WRITES = 3_000;

    private static SourceCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = SourceCluster.start(3, Map.of());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void streamsASplittingTableInOrderWithoutLossWhileAWorkerStopsAndFourGroupsReadAtOnce() throws Exception {
        cluster.createTable(TABLE, 4);
        cluster.connect().configureConnector(CONNECTOR, cluster.sourceConfig(TABLE, 8));
        cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 4,
                "one task per open shard");

        KeyedWrites writes = new KeyedWrites(cluster.dynamoDb(), TABLE, 150, 42);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < WRITES; i++) {
                writes.next();
                sleepMillis(2);
            }
        }, writer);
        writes.awaitWritten(WRITES / 4);
        cluster.emulator().admin().splitPartition(TABLE, 1);
        writes.awaitWritten(WRITES / 2);
        WorkerHandle stopped = cluster.connect().workers().iterator().next();
        cluster.connect().removeWorker(stopped);
        writes.awaitWritten(3 * WRITES / 4);
        cluster.emulator().admin().rollShards(TABLE);
        writing.get(2, TimeUnit.MINUTES);
        writer.shutdown();

        Map<String, List<String>> expected = writes.expected();
        try (ChangeTopic topic = new ChangeTopic(cluster.connect().kafka(), TABLE, "verifier", false)) {
            List<ChangeTopic.Delivered> delivered = topic.readUntil(allFirstSeen(expected), Duration.ofMinutes(2));
            assertThat(firstSeenPerKey(delivered)).isEqualTo(expected);
            assertTombstonesFollowDeletes(delivered);
        }
        assertThat(recordsReadPerJmx()).as("task metrics over JMX count what the current tasks read").isPositive();
        assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName(
                "kafka.connect:type=plugins,connector=" + CONNECTOR + ",task=*,table=" + TABLE + ",shard=*"), null))
                .as("per-shard metrics").isNotEmpty();

        // Fan-out: four consumer groups read the whole topic at once while the connector keeps the only stream
        // readers; the emulator allows two per shard, Kafka any number.
        ExecutorService readers = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Map<String, List<String>>>> groups = new ArrayList<>();
        for (int group = 0; group < 4; group++) {
            String name = "fan-out-" + group;
            groups.add(CompletableFuture.supplyAsync(() -> {
                try (ChangeTopic topic = new ChangeTopic(cluster.connect().kafka(), TABLE, name, false)) {
                    return firstSeenPerKey(topic.readUntil(allFirstSeen(expected), Duration.ofMinutes(1)));
                }
            }, readers));
        }
        for (CompletableFuture<Map<String, List<String>>> group : groups) {
            assertThat(group.get(2, TimeUnit.MINUTES)).isEqualTo(expected);
        }
        readers.shutdown();
    }

    /**
     * The {@code records-total} of every task of the connector, as the workers publish it over JMX. Workers and
     * test share one JVM here, so the platform MBean server holds them all. A reconfiguration restarts the tasks
     * and their counts, so this is what the current tasks read.
     */
    private static double recordsReadPerJmx() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        double total = 0;
        for (ObjectName task : server.queryNames(new ObjectName("kafka.connect:type=plugins,connector=" + CONNECTOR
                + ",task=*"), null)) {
            total += ((Number) server.getAttribute(task, "records-total")).doubleValue();
        }
        return total;
    }

    /** Per key, each change label at its first delivery; later repeats (at-least-once replays) are dropped. */
    static Map<String, List<String>> firstSeenPerKey(List<ChangeTopic.Delivered> delivered) {
        Map<String, Set<String>> seen = new HashMap<>();
        delivered.stream().filter(record -> record.event() != null).forEach(record -> seen
                .computeIfAbsent(record.key(), k -> new LinkedHashSet<>()).add(KeyedWrites.label(record.event())));
        Map<String, List<String>> firstSeen = new HashMap<>();
        seen.forEach((key, labels) -> firstSeen.put(key, List.copyOf(labels)));
        return firstSeen;
    }

    static Predicate<List<ChangeTopic.Delivered>> allFirstSeen(Map<String, List<String>> expected) {
        int total = expected.values().stream().mapToInt(List::size).sum();
        return delivered -> firstSeenPerKey(delivered).values().stream().mapToInt(List::size).sum() >= total;
    }

    static void assertTombstonesFollowDeletes(List<ChangeTopic.Delivered> delivered) {
        for (int i = 0; i < delivered.size(); i++) {
            ChangeTopic.Delivered record = delivered.get(i);
            if (record.event() == null) {
                assertThat(delivered.subList(0, i)).as("a tombstone follows a delete of its key")
                        .anyMatch(earlier -> record.key().equals(earlier.key()) && earlier.event() != null
                                && KeyedWrites.label(earlier.event()).startsWith("del:"));
            }
        }
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
