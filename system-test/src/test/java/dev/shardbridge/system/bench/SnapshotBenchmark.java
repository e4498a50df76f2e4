package dev.shardbridge.system.bench;

import dev.shardbridge.system.SystemStack;
import dev.shardbridge.system.TopicChanges;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The source connector's initial snapshot, from the plugin archive and {@code config/} JSON: a table of N items of
 * 1 KB (default 1,000,000) is snapshotted with {@code start.position=snapshot} and {@code snapshot.segments=4},
 * then replicated by the sink. Prints (i) the snapshot's throughput into Kafka, from deployment until every
 * {@code op=r} record is in the topic, (ii) the sink's throughput from the full topic into the replica (applied
 * writes seen on the replica's own stream) and the time to a verified replica (compared with the source item
 * by item), and the heap this one JVM used (emulator with both tables, broker, worker). See docs/benchmarks.md.
 *
 * <p>By default the sink starts once the snapshot is in Kafka, so each figure is one connector's work on this
 * 2-core machine; {@code -Dbench.together=true} deploys both at once, as a user would, and then the time to a
 * verified replica is the figure to read.
 *
 * <p>Run: {@code mvn -B -o -pl system-test test-compile exec:exec@snapshot-benchmark [-Dbench.items=100000]}
 * (after {@code mvn install -DskipTests}, so the plugin archive exists).
 */
public final class SnapshotBenchmark {

    private static final String TABLE = "snapshot_items";
    private static final String PAYLOAD = "x".repeat(1_000);

    private SnapshotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int items = Integer.getInteger("bench.items", 1_000_000);
        int segments = Integer.getInteger("bench.segments", 4);
        String strategy = System.getProperty("bench.guardStrategy", "conditional");
        boolean together = Boolean.getBoolean("bench.together");
        HeapPeak heap = new HeapPeak();
        try (SystemStack stack = SystemStack.start("snapshot-bench")) {
            System.out.printf("snapshot of %,d items of 1 KB, %d segments, 4 partitions/shards, guard.strategy=%s,"
                            + " sink %s; %d cores, Java %s, max heap %,d MB%n", items, segments, strategy,
                    together ? "deployed with the source" : "started once the snapshot is in Kafka",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20);
            long seeding = System.nanoTime();
            stack.createKeyedTable(TABLE, 4, null);
            stack.seed(TABLE, items, SnapshotBenchmark::item, 4);
            // The stream is enabled only now. Seeded with the stream on, the table's stream would hold an INSERT
            // per item, and start.position=snapshot reads the stream from its oldest record: Kafka would get every
            // item twice (stream replay and scan) and the figure would not be the snapshot's. A table that needs a
            // snapshot is one whose items are older than the stream's 24 h of retention, i.e. in no stream record:
            // exactly this table. (It also keeps a million stream records out of the emulator's heap.)
            stack.enableStream(TABLE, StreamViewType.NEW_AND_OLD_IMAGES);
            // The replica's stream only counts the sink's writes, so its view needs nothing but keys.
            String replicaStream = stack.createKeyedTable(TABLE + "_replica", 4, StreamViewType.KEYS_ONLY);
            System.out.printf("seeded in %.1f s (BatchWriteItem, 4 threads)%n", (System.nanoTime() - seeding) / 1e9);

            Map<String, String> source = Map.of("start.position", "snapshot", "snapshot.segments",
                    Integer.toString(segments), "tasks.max", "4");
            Map<String, String> sink = Map.of("guard.strategy", strategy);
            try (ReplicaWatcher watcher = new ReplicaWatcher(stack.streams(), replicaStream, record -> { })) {
                long start = System.nanoTime();
                stack.deploySource(TABLE, source);
                if (together) {
                    stack.deploySink(TABLE, sink);
                }
                // No writes and an empty stream: the topic holds exactly the snapshot's op=r records.
                LongSupplier inTopic = () -> TopicChanges.records(stack.connect().kafka(), TABLE);
                long tenth = await(inTopic, items / 10, 250);
                long inKafka = await(inTopic, items, 250);
                System.out.printf("(i)  snapshot into Kafka: %,.0f items/s (from 10 %% to 100 %%), %,.0f items/s and"
                                + " %.1f s from deployment; %,d records in the topic%n",
                        (items - items / 10) / seconds(tenth, inKafka), items / seconds(start, inKafka),
                        seconds(start, inKafka), inTopic.getAsLong());
                long sinkStart = together ? start : System.nanoTime();
                if (!together) {
                    stack.deploySink(TABLE, sink);
                }
                long applied = await(watcher::applied, items, 100);
                List<String> differences = stack.awaitReplicaEqualsSource(TABLE, TABLE + "_replica",
                        Duration.ofMinutes(10));
                long verified = System.nanoTime();
                System.out.printf("(ii) into the replica: %,.0f items/s (sink from %s), all applied %.1f s after"
                                + " deployment; verified item by item in %.1f s more: %s%n",
                        items / seconds(sinkStart, applied), together ? "deployment" : "the full topic",
                        seconds(start, applied), seconds(applied, verified),
                        differences.isEmpty() ? "replica equals source" : "DIFFERENT " + differences);
                System.out.printf("     time to a verified replica: %.1f s from deployment%n",
                        seconds(start, verified));
            }
            heap.stop();
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("heap used: peak %,d MB, %,d MB after a GC at the end (emulator with source and"
                    + " replica, broker, worker, in one JVM)%n", heap.peak() >> 20,
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20);
            stack.undeployReplication(TABLE);
        }
        System.exit(0);
    }

    private static Map<String, AttributeValue> item(int i) {
        return Map.of(SystemStack.ID, AttributeValue.fromS(String.format("item-%07d", i)),
                "payload", AttributeValue.fromS(PAYLOAD), "n", AttributeValue.fromN(Integer.toString(i)));
    }

    /** Polls {@code count} every {@code everyMillis} until it reaches {@code target}; returns that moment. */
    private static long await(LongSupplier count, long target, long everyMillis) throws InterruptedException {
        while (count.getAsLong() < target) {
            Thread.sleep(everyMillis);
        }
        return System.nanoTime();
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    /** The most heap in use at any of its samples, taken every 200 ms on a daemon thread. */
    private static final class HeapPeak {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;

        HeapPeak() {
            Thread sampler = new Thread(() -> {
                Runtime runtime = Runtime.getRuntime();
                while (running) {
                    peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-peak");
            sampler.setDaemon(true);
            sampler.start();
        }

        long peak() {
            return peak.get();
        }

        void stop() {
            running = false;
        }
    }
}
