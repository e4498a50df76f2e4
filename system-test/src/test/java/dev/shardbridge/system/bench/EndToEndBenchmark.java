package dev.shardbridge.system.bench;

import dev.shardbridge.system.SystemStack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Source → Kafka → sink, end to end, with the connectors loaded from the built plugin archive and configured
 * from {@code config/} JSON (endpoint and names filled in): how fast a backlog reaches the replica, and how long a
 * write at a steady rate takes to become visible there. Visibility is read from the replica table's own stream,
 * so the figure is the moment the sink's write was applied. Prints its figures; see docs/benchmarks.md.
 *
 * <p>Run: {@code mvn -B -pl system-test test-compile exec:exec@end-to-end-benchmark} (after {@code mvn install
 * -DskipTests}, so the plugin archive exists).
 */
public final class EndToEndBenchmark {

    private static final String PAYLOAD = "x".repeat(950);
    /** The figures are for the stream path: the backlog is in the stream, so it must not also be scanned. */
    private static final Map<String, String> STREAM_PATH = Map.of("tasks.max", "4", "start.position", "trim_horizon");

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int backlog = Integer.getInteger("bench.backlog", 50_000);
        int rate = Integer.getInteger("bench.rate", 1_000);
        int seconds = Integer.getInteger("bench.seconds", 20);
        String strategy = System.getProperty("bench.guardStrategy", "conditional");
        try (SystemStack stack = SystemStack.start("end-to-end-bench")) {
            System.out.printf("end to end, 1 KB items, 4 partitions/shards, guard.strategy=%s; %d cores, Java %s%n",
                    strategy, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            drain(stack, backlog, strategy);
            steadyLag(stack, rate, seconds, strategy);
        }
        System.exit(0);
    }

    private static void drain(SystemStack stack, int items, String strategy) throws Exception {
        String table = "drain_items";
        String replicaArn = tables(stack, table);
        stack.seed(table, items, i -> item("item-" + i, 0), 1);
        try (ReplicaWatcher watcher = ReplicaWatcher.latencies(stack.streams(), replicaArn, latency -> { })) {
            long start = System.nanoTime();
            stack.deployReplication(table, STREAM_PATH, Map.of("guard.strategy", strategy));
            long tenth = awaitApplied(watcher, items / 10);
            long done = awaitApplied(watcher, items);
            System.out.printf("backlog of %,d: %,.0f records/s source→replica (from 10 %% to 100 %%), %.1f s in all%n",
                    items, (items - items / 10) / ((done - tenth) / 1e9), (done - start) / 1e9);
        }
        stack.undeployReplication(table);
    }

    private static void steadyLag(SystemStack stack, int rate, int seconds, String strategy) throws Exception {
        String table = "steady_items";
        String replicaArn = tables(stack, table);
        DynamoDbClient dynamoDb = stack.dynamoDb();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try (ReplicaWatcher watcher = ReplicaWatcher.latencies(stack.streams(), replicaArn, latencies::add)) {
            stack.deployReplication(table, STREAM_PATH, Map.of("guard.strategy", strategy));
            // Warm-up: the pipeline is flowing once a first write is visible.
            put(dynamoDb, table, "warm-up", System.currentTimeMillis());
            awaitApplied(watcher, 1);
            latencies.clear();
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            int writes = rate * seconds;
            for (int i = 0; i < writes; i++) {
                LockSupport.parkNanos(next - System.nanoTime());
                put(dynamoDb, table, "item-" + (i % 5_000), System.currentTimeMillis());
                next += interval;
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (latencies.size() < writes && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("steady %,d writes/s for %d s: %,d of %,d seen; write→replica p50 %d ms, p95 %d ms,"
                            + " p99 %d ms, max %d ms%n", rate, seconds, sorted.size(), writes, percentile(sorted, 50),
                    percentile(sorted, 95), percentile(sorted, 99), sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
        }
        stack.undeployReplication(table);
    }

    /** The source table (4 partitions) and its replica, pre-created with a stream so visibility can be watched. */
    private static String tables(SystemStack stack, String table) {
        stack.createKeyedTable(table, 4, StreamViewType.NEW_AND_OLD_IMAGES);
        return stack.createKeyedTable(table + "_replica", 4, StreamViewType.NEW_IMAGE);
    }

    private static void put(DynamoDbClient dynamoDb, String table, String id, long writtenMillis) {
        dynamoDb.putItem(request -> request.tableName(table).item(item(id, writtenMillis)));
    }

    private static Map<String, AttributeValue> item(String id, long writtenMillis) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS(id));
        item.put("payload", AttributeValue.fromS(PAYLOAD));
        if (writtenMillis > 0) {
            item.put("written_ms", AttributeValue.fromN(Long.toString(writtenMillis)));
        }
        return item;
    }

    static long awaitApplied(ReplicaWatcher watcher, long count) throws InterruptedException {
        while (watcher.applied() < count) {
            Thread.sleep(5);
        }
        return System.nanoTime();
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
