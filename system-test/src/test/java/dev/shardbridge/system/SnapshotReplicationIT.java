package dev.shardbridge.system;

import dev.shardbridge.system.SnapshotProgress.Segment;
import dev.shardbridge.system.bench.ReplicaWatcher;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source connector's initial snapshot ({@code start.position=snapshot}), end to end: source and sink from the
 * plugin archive and the {@code config/} JSON replicate a table that already holds items while applications keep
 * writing to it. Every write carries a per-key growing number {@code v} ({@link VersionedWriters}), so the change
 * topic and the replica's own stream can be checked for regressions and resurrections ({@link KeyVersionOrder}).
 *
 * <p>The tables get their stream only after they are seeded: the existing items are then in no stream record, as
 * items older than the stream's 24 hours of retention, and only the snapshot can deliver them. (It also keeps
 * 100,000 seed records out of the emulator's memory and the topic, which keeps this test fast in 512 MB.)
 */
class SnapshotReplicationIT {

    private static final int SEGMENTS = 4;
    private static final String V = VersionedWriters.VERSION;

    private static SystemStack stack;
    private static EmbeddedConnectCluster connect;
    private static DynamoDbClient dynamoDb;
    private String table;

    @BeforeAll
    static void start() {
        // Offsets are committed every second (config/ says 5 s), so finished segments show in the offsets API sooner.
        stack = SystemStack.start("shardbridge-snapshot", Map.of("offset.flush.interval.ms", "1000"));
        connect = stack.connect();
        dynamoDb = stack.dynamoDb();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** Each test's connectors and tables go, so the next one has the CPU and the memory. */
    @AfterEach
    void dropTables() {
        quietly(() -> stack.undeployReplication(table));
        quietly(() -> dynamoDb.deleteTable(request -> request.tableName(table)));
        quietly(() -> dynamoDb.deleteTable(request -> request.tableName(replica(table))));
    }

    private static void quietly(Runnable cleanUp) {
        try {
            cleanUp.run();
        } catch (RuntimeException e) {
            System.err.println("clean-up: " + e);
        }
    }

    /**
     * 100,000 existing items, and 800 writes/s (updates and deletes of existing keys, new keys) during the whole
     * scan: the replica ends equal to the source, no key's value goes back in the topic, and every existing item
     * no application touched is in the topic exactly once, as a snapshot read.
     */
    @Test
    void existingItemsAndWritesDuringTheScanMakeAnEqualReplica() throws Exception {
        table = "snap_existing";
        List<String> keys = keys("item-", 100_000);
        existingItems(keys);
        stack.createKeyedTable(replica(table), 4, null);
        Metrics metrics = new Metrics(table);
        VersionedWriters writers = new VersionedWriters(dynamoDb, table, keys, "new-", 2, 800, 1);
        long start = System.nanoTime();
        try (writers) {
            stack.deployReplication(table, snapshot(Map.of()), Map.of());
            awaitSegments(SnapshotProgress::allDone, Duration.ofMinutes(2), metrics);
        }
        long scanned = System.nanoTime();
        assertThat(writers.writes()).as("application writes during the snapshot").isGreaterThan(500);
        assertReplicaEqualsSource();
        long replicated = System.nanoTime();

        Map<String, Integer> snapshotReads = new HashMap<>();
        KeyVersionOrder topicOrder = readTopic(snapshotReads);
        System.out.printf("snapshot of %,d existing items: all segments done after %.1f s, replica equal after %.1f s"
                + " more, topic of %,d events checked in %.1f s%n", keys.size(), (scanned - start) / 1e9,
                (replicated - scanned) / 1e9, topicOrder.events(), (System.nanoTime() - replicated) / 1e9);
        assertThat(topicOrder.violations()).as("per-key order of the change topic").isEmpty();
        List<String> untouched = keys.stream().filter(key -> !writers.touched().contains(key)).toList();
        assertThat(readsOtherThanOnce(untouched, snapshotReads))
                .as("existing items no writer touched, each read by the snapshot exactly once").isEmpty();
        assertThat(metrics.itemsScanned).as("snapshot-items-scanned").isGreaterThanOrEqualTo(untouched.size());
        assertThat(metrics.segmentsTotal).as("snapshot-segments-total").isEqualTo(SEGMENTS);
        System.out.printf("snapshot of %,d existing items with %,d writes: %,d snapshot reads, %,d rows dropped%n",
                keys.size(), writers.writes(), snapshotReads.values().stream().mapToInt(Integer::intValue).sum(),
                (long) metrics.rowsDropped);
    }

    /**
     * The source stopped once a segment is done and resumed: the segments done before the stop are not read
     * again (each of their keys is in the topic exactly once as a snapshot read), the others continue after their
     * committed {@code last_key}, nothing is missed, and the replica equals the source.
     */
    @Test
    void aSnapshotStoppedMidwayResumesWithoutReadingFinishedSegmentsAgain() throws Exception {
        table = "snap_resume";
        stack.createKeyedTable(table, 4, null);
        List<String> seeded = keys("item-", 8_000);
        stack.seed(table, seeded.size(), i -> VersionedWriters.item(seeded.get(i), 0), 4);
        // Segment 0 is cut to 100 items, so it is done long before the others however the connector paces its
        // segments (a segment is a slice of the key hash range: its membership depends on nothing else).
        List<String> surplus = TableContents.segmentKeys(dynamoDb, table, SEGMENTS).get(0);
        stack.delete(table, surplus.subList(100, surplus.size()).stream().map(SnapshotReplicationIT::key).toList(), 4);
        List<List<String>> segmentKeys = TableContents.segmentKeys(dynamoDb, table, SEGMENTS);
        stack.enableStream(table, StreamViewType.NEW_AND_OLD_IMAGES);
        stack.createKeyedTable(replica(table), 4, null);

        String source = table + "-source";
        // About 6,100 items at 500 items/s: some 12 s of scan, segment 0 done within the first second. No writes:
        // a row whose key changes while it is read is dropped, and every key here must be read.
        stack.deployReplication(table, snapshot(Map.of("snapshot.max.items.per.second", "500",
                "snapshot.page.items", "50")), Map.of());
        awaitSegments(segments -> segments.values().stream().anyMatch(Segment::done), Duration.ofSeconds(60), null);
        connect.stopConnector(source);
        connect.assertions().assertConnectorIsStopped(source, "the source did not stop");
        Map<Integer, Segment> atStop = SnapshotProgress.segments(connect, source, table);
        connect.resumeConnector(source);
        awaitSegments(SnapshotProgress::allDone, Duration.ofSeconds(90), null);
        Set<Integer> doneAtStop = atStop.values().stream().filter(Segment::done).map(Segment::segment)
                .collect(Collectors.toCollection(TreeSet::new));
        System.out.println("snapshot offsets when the source stopped: " + atStop.values());
        assertThat(doneAtStop).as("segments done at the stop").isNotEmpty().hasSizeLessThan(SEGMENTS);
        assertReplicaEqualsSource();

        Map<String, Integer> snapshotReads = new HashMap<>();
        assertThat(readTopic(snapshotReads).violations()).as("per-key order of the change topic").isEmpty();
        for (int segment = 0; segment < SEGMENTS; segment++) {
            List<String> keys = segmentKeys.get(segment);
            Segment stopped = atStop.get(segment);
            if (stopped != null && !stopped.done() && stopped.lastKey() != null) {
                assertThat(keys).as("segment %d holds its committed last_key", segment).contains(stopped.lastKey());
            }
            int committed = stopped == null ? -1 : stopped.done() ? keys.size() - 1 : keys.indexOf(stopped.lastKey());
            assertThat(readsOtherThanOnce(keys.subList(0, committed + 1), snapshotReads))
                    .as("segment %d (at the stop %s): keys up to its committed position, read exactly once", segment,
                            stopped).isEmpty();
            assertThat(keys.subList(committed + 1, keys.size())).as("segment %d: keys after its committed position,"
                    + " read at least once", segment).allMatch(key -> snapshotReads.getOrDefault(key, 0) >= 1);
        }
    }

    /**
     * 200 hot keys updated, deleted and re-created continuously while a slow scan with 10-item pages reads them:
     * no regression and no resurrection in the topic or in the replica (watched through its own stream), and the
     * replica converges.
     */
    @Test
    void updatesAndDeletesRacingTheScanNeverRegressTheReplica() throws Exception {
        table = "snap_race";
        List<String> hot = keys("hot-", 200);
        List<String> all = new ArrayList<>(hot);
        all.addAll(keys("cold-", 1_800));
        existingItems(all);
        String replicaStream = stack.createKeyedTable(replica(table), 4, StreamViewType.NEW_IMAGE);
        KeyVersionOrder replicaOrder = new KeyVersionOrder("the replica's stream");
        Metrics metrics = new Metrics(table);
        try (ReplicaWatcher watcher = new ReplicaWatcher(stack.streams(), replicaStream, record ->
                replicaOrder.replicaRecord(record, SystemStack.ID, V, TableContents.TOMBSTONE))) {
            try (VersionedWriters writers = new VersionedWriters(dynamoDb, table, hot, null, 2, 300, 3)) {
                // 2,000 items at 400 items/s in 10-item pages: every page of hot keys races their writers.
                stack.deployReplication(table, snapshot(Map.of("snapshot.page.items", "10",
                        "snapshot.max.items.per.second", "400")), Map.of());
                awaitSegments(SnapshotProgress::allDone, Duration.ofSeconds(90), metrics);
            }
            assertReplicaEqualsSource();
            awaitQuiet(watcher);
        }
        Map<String, Integer> snapshotReads = new HashMap<>();
        assertThat(readTopic(snapshotReads).violations()).as("per-key order of the change topic").isEmpty();
        assertThat(replicaOrder.violations()).as("per-key order of the replica's writes").isEmpty();
        long hotReads = hot.stream().mapToLong(key -> snapshotReads.getOrDefault(key, 0)).sum();
        System.out.printf("racing snapshot: %d snapshot reads of the 200 hot keys, %,.0f rows dropped, %,d replica"
                + " writes checked%n", hotReads, metrics.rowsDropped, replicaOrder.events());
        assertThat(metrics.rowsDropped).as("snapshot-rows-dropped: scan rows whose key changed while read").isPositive();
    }

    /** Creates {@link #table} without a stream, writes {@code keys} with v=0, then enables its stream. */
    private void existingItems(List<String> keys) {
        stack.createKeyedTable(table, 4, null);
        stack.seed(table, keys.size(), i -> VersionedWriters.item(keys.get(i), 0), 4);
        stack.enableStream(table, StreamViewType.NEW_AND_OLD_IMAGES);
    }

    private static Map<String, String> snapshot(Map<String, String> settings) {
        Map<String, String> source = new HashMap<>(settings);
        source.put("start.position", "snapshot");
        return source;
    }

    /** Polls the source's committed snapshot offsets (and samples its metrics) until {@code reached} holds. */
    private Map<Integer, Segment> awaitSegments(Predicate<Map<Integer, Segment>> reached, Duration timeout,
                                                Metrics metrics) throws InterruptedException {
        return stack.awaitSnapshot(table + "-source", table, reached, timeout, metrics == null ? () -> { }
                : metrics::sample);
    }

    private void assertReplicaEqualsSource() throws InterruptedException {
        assertThat(stack.awaitReplicaEqualsSource(table, replica(table), Duration.ofSeconds(90)))
                .as("replica of %s, item by item", table).isEmpty();
    }

    /** The whole change topic through a {@link KeyVersionOrder}; counts each key's snapshot reads. */
    private KeyVersionOrder readTopic(Map<String, Integer> snapshotReads) {
        KeyVersionOrder order = new KeyVersionOrder("topic " + table);
        TopicChanges.readAll(connect.kafka(), table, V, change -> {
            order.topicChange(change);
            if (change.op().equals("r")) {
                snapshotReads.merge(change.key(), 1, Integer::sum);
            }
        });
        return order;
    }

    /** The keys whose snapshot reads are not exactly one, with their count (at most 20 listed). */
    private static List<String> readsOtherThanOnce(List<String> keys, Map<String, Integer> snapshotReads) {
        return keys.stream().filter(key -> snapshotReads.getOrDefault(key, 0) != 1).limit(20)
                .map(key -> key + " read " + snapshotReads.getOrDefault(key, 0) + " times").toList();
    }

    /** Waits until the replica's stream has shown nothing new for a second. */
    private static void awaitQuiet(ReplicaWatcher watcher) throws InterruptedException {
        long seen = -1;
        while (watcher.applied() != seen) {
            seen = watcher.applied();
            Thread.sleep(1_000);
        }
    }

    private static List<String> keys(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("%s%06d", prefix, i)).toList();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(SystemStack.ID, AttributeValue.fromS(id));
    }

    private static String replica(String table) {
        return table + "_replica";
    }

    /** The peaks of the snapshot metrics of {@link #table}'s source over the samples taken. */
    private static final class Metrics {
        private final String tableName;
        double itemsScanned;
        double rowsDropped;
        double segmentsTotal;

        Metrics(String tableName) {
            this.tableName = tableName;
        }

        void sample() {
            String source = tableName + "-source";
            itemsScanned = max(itemsScanned, SnapshotProgress.metric(source, tableName, "snapshot-items-scanned"));
            rowsDropped = max(rowsDropped, SnapshotProgress.metric(source, tableName, "snapshot-rows-dropped"));
            segmentsTotal = max(segmentsTotal, SnapshotProgress.metric(source, tableName, "snapshot-segments-total"));
        }

        private static double max(double peak, double sample) {
            return Double.isNaN(sample) ? peak : Math.max(peak, sample);
        }
    }
}
