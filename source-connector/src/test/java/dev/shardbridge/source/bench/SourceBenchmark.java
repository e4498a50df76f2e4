package dev.shardbridge.source.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;

/**
 * The source connector's benchmark: emulator → source connector → Kafka, all in this JVM on the cluster tests'
 * harness (one broker, one Connect worker, the emulator in process, producer {@code acks=all} as Connect sets
 * it), 1 KB items. Scenarios: backlog drain with one shard and one task ({@code drain1}) and with four of each
 * ({@code drain4}), the CPU cost of many idle shards ({@code idle}), and write→Kafka lag at a fixed write rate
 * ({@code lag}). Each group of scenarios gets a fresh cluster, so one's retained data does not load the next.
 *
 * <p>Run: {@code mvn -B -o -pl source-connector test-compile exec:exec@source-benchmark}; options in
 * {@link BenchOptions} ({@code -Dbench.scenarios=drain1,lag -Dbench.drainItems=200000 ...}).
 */
public final class SourceBenchmark {

    private SourceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.fromSystemProperties();
        ResultTable results = new ResultTable();
        System.out.printf(Locale.ROOT, "source benchmark: %d cores, max heap %d MB, load average %.2f at start%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (options.runs("drain1")) {
            runDrain(options, results, 1, true);
        }
        if (options.runs("drain4")) {
            runDrain(options, results, 4, false);
        }
        if (options.runs("idle") || options.runs("lag")) {
            try (BenchCluster cluster = BenchCluster.start()) {
                if (options.runs("idle")) {
                    runIdle(options, results, cluster);
                }
                if (options.runs("lag")) {
                    runLag(options, results, cluster);
                }
            }
        }
        results.print();
        System.out.printf(Locale.ROOT, "load average %.2f at end%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // The embedded cluster leaves non-daemon threads behind; the figures are printed, so end here.
        System.exit(0);
    }

    private static void runDrain(BenchOptions options, ResultTable results, int shards, boolean warmUp)
            throws Exception {
        try (BenchCluster cluster = BenchCluster.start()) {
            BacklogDrain drain = new BacklogDrain(cluster, options.drainSettings());
            if (warmUp && options.warmupItems() > 0) {
                // The first drain of a JVM pays for JIT compilation of the SDK, converters and producer.
                drain.prepare("warmup", shards, options.warmupItems());
                for (OutputFormat format : options.formats()) {
                    drain.drain("warmup", shards, options.warmupItems(), format);
                }
            }
            String table = "backlog" + shards;
            double fillRate = drain.prepare(table, shards, options.drainItems());
            System.out.printf(Locale.ROOT, "filled %s with %,d items at %,.0f items/s%n", table,
                    options.drainItems(), fillRate);
            for (OutputFormat format : options.formats()) {
                BacklogDrain.Rate rate = drain.drain(table, shards, options.drainItems(), format);
                String setup = String.format(Locale.ROOT, "%d shard(s) / %d task(s), %,d × 1 KB, %s; %s", shards,
                        shards, options.drainItems(), format.label(), BenchOptions.describe(options.drainSettings()));
                boolean hasGoal = shards == 1;
                results.add(new ResultTable.Row("backlog drain", setup, rate.describe(),
                        hasGoal ? "≥ 25,000 records/s" : "", hasGoal ? rate.recordsPerSecond() >= 25_000 : null));
            }
        }
    }

    private static void runIdle(BenchOptions options, ResultTable results, BenchCluster cluster) throws Exception {
        IdleShardCost.Cost cost = new IdleShardCost(cluster).measure(options.idleShards(), options.idleTasks(),
                options.idleBaseline(), options.idleWindow());
        String setup = String.format(Locale.ROOT, "%d idle shards, %d tasks, %d s; defaults", options.idleShards(),
                cost.tasks(), options.idleWindow().toSeconds());
        results.add(new ResultTable.Row("idle shards", setup, cost.describe(), "< 5 % of one core",
                cost.connectorThreads() < 5));
    }

    private static void runLag(BenchOptions options, ResultTable results, BenchCluster cluster) throws Exception {
        int variant = 0;
        for (Map<String, String> settings : options.lagSettings()) {
            SteadyWriteLag.Lag lag = new SteadyWriteLag(cluster).measure("lag" + variant++, 4, options.lagRate(),
                    options.lagWarmup(), options.lagWindow(), settings);
            String setup = String.format(Locale.ROOT, "4 shards / 4 tasks, %,d PutItem/s for %d s, JSON (schemas); %s",
                    options.lagRate(), options.lagWindow().toSeconds(), BenchOptions.describe(settings));
            results.add(new ResultTable.Row("write→Kafka lag", setup, lag.describe(), "p99 ≤ 100 ms",
                    lag.latencies().percentile(99) <= 100));
        }
    }
}
