package dev.shardbridge.source.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario 3: what a connector costs while its shards are quiet. A table with many partitions and no writes is
 * read by one task per shard; the CPU of the connector's threads (task threads, their producers' network threads,
 * the shard discovery thread) is measured after the idle backoff has settled at its maximum, and the whole
 * process's CPU is compared with a baseline taken before the connector existed, which adds what the store and
 * the worker spend serving those polls.
 */
final class IdleShardCost {

    /** The figures of one measurement, as percent of one core. */
    record Cost(int tasks, double connectorThreads, double processBaseline, double processWithConnector) {
        String describe() {
            return String.format(Locale.ROOT, "connector threads **%.2f %%** of a core; process %.1f %% vs %.1f %% "
                    + "before the connector (+%.1f %%)", connectorThreads, processWithConnector, processBaseline,
                    processWithConnector - processBaseline);
        }
    }

    /**
     * Long enough for the idle backoff to double from its minimum up to its (default) one-second maximum, and
     * for task startup (64 SDK clients, 64 producers) to be over.
     */
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final String CONNECTOR = "idle-cost";

    private final BenchCluster cluster;

    IdleShardCost(BenchCluster cluster) {
        this.cluster = cluster;
    }

    Cost measure(int shards, int maxTasks, Duration baseline, Duration window) throws Exception {
        String table = "idle" + shards;
        cluster.createTable(table, shards);
        cluster.createTopic("", table);
        Thread.sleep(SETTLE.toMillis());
        ThreadCpu.Snapshot quietStart = ThreadCpu.take(name -> false);
        Thread.sleep(baseline.toMillis());
        ThreadCpu.Snapshot quietEnd = ThreadCpu.take(name -> false);

        cluster.createConnector(CONNECTOR, cluster.connectorConfig(table, maxTasks, OutputFormat.JSON, "", Map.of()));
        int tasks = Math.min(shards, maxTasks);
        cluster.awaitTasksRunning(CONNECTOR, tasks);
        Thread.sleep(SETTLE.toMillis());
        ThreadCpu.Snapshot start = ThreadCpu.take(IdleShardCost::connectorThread);
        Thread.sleep(window.toMillis());
        ThreadCpu.Snapshot end = ThreadCpu.take(IdleShardCost::connectorThread);
        cluster.deleteConnector(CONNECTOR);
        return new Cost(tasks, ThreadCpu.threadsPercentOfCore(start, end),
                ThreadCpu.processPercentOfCore(quietStart, quietEnd), ThreadCpu.processPercentOfCore(start, end));
    }

    private static boolean connectorThread(String name) {
        return name.startsWith("task-thread-" + CONNECTOR + "-")
                || name.contains("connector-producer-" + CONNECTOR + "-")
                || name.equals("shardbridge-shard-discovery");
    }
}
