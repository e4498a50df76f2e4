package dev.shardbridge.source.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Scenarios 1 and 2: a table already holding N items (one stream record each) is drained into Kafka by a freshly
 * created connector with one task per shard. The rate is taken from the first record in Kafka to the Nth, read
 * from the topic's end offsets; the time from creating the connector to its first record is reported apart,
 * since it is startup (shard discovery, task start), not reading.
 */
final class BacklogDrain {

    private static final Duration COUNT_INTERVAL = Duration.ofMillis(20);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);

    private final BenchCluster cluster;
    private final Map<String, String> tuning;

    BacklogDrain(BenchCluster cluster, Map<String, String> tuning) {
        this.cluster = cluster;
        this.tuning = tuning;
    }

    /** Creates a table of {@code shards} partitions and fills it with {@code items} items; returns items/s. */
    double prepare(String table, int shards, int items) throws Exception {
        cluster.createTable(table, shards);
        long nanos = BenchItems.fill(cluster.dynamoDb(), table, items, 2);
        return items / (nanos / 1e9);
    }

    /** Drains the prepared table into a topic of its own with {@code format}; the connector is deleted after. */
    Rate drain(String table, int shards, int items, OutputFormat format) throws Exception {
        String prefix = format.name().toLowerCase(Locale.ROOT) + ".";
        String topic = cluster.createTopic(prefix, table);
        String name = "drain-" + prefix + table;
        TopicCount count = new TopicCount(cluster.admin(), topic, BenchCluster.TOPIC_PARTITIONS);
        Predicate<String> taskThreads = thread -> thread.startsWith("task-thread-" + name + "-");
        Predicate<String> producerThreads = thread -> thread.contains("connector-producer-" + name + "-");
        ThreadCpu.Snapshot[] atFirst = new ThreadCpu.Snapshot[2];
        long created = System.nanoTime();
        cluster.createConnector(name, cluster.connectorConfig(table, shards, format, prefix, tuning));
        TopicCount.Progress progress = count.await(items, COUNT_INTERVAL, DRAIN_TIMEOUT, () -> {
            atFirst[0] = ThreadCpu.take(taskThreads);
            atFirst[1] = ThreadCpu.take(producerThreads);
        });
        ThreadCpu.Snapshot tasksAtEnd = ThreadCpu.take(taskThreads);
        ThreadCpu.Snapshot producersAtEnd = ThreadCpu.take(producerThreads);
        cluster.deleteConnector(name);
        long counted = items - progress.countAtFirst();
        return new Rate(Duration.ofNanos(progress.firstRecordNanos() - created),
                counted / ((progress.reachedNanos() - progress.firstRecordNanos()) / 1e9),
                ThreadCpu.threadsPercentOfCore(atFirst[0], tasksAtEnd) / shards,
                ThreadCpu.threadsPercentOfCore(atFirst[1], producersAtEnd) / shards,
                (tasksAtEnd.processNanos() - atFirst[0].processNanos()) / 1e3 / counted);
    }

    /**
     * A drain's figures: startup until the first record, records per second from then until the last, and how
     * busy (CPU % of one core) each task thread and each task's producer network thread was meanwhile, and the
     * whole process's CPU per record. A task thread near 100 % is the limit: Connect polls, converts and hands
     * records to the producer on that one thread. Otherwise the process's CPU per record, which includes the
     * emulator serving GetRecords and the broker storing the records, tells how far two shared cores can go.
     */
    record Rate(Duration toFirstRecord, double recordsPerSecond, double taskThreadBusy, double producerThreadBusy,
                double processCpuMicrosPerRecord) {
        String describe() {
            return String.format(Locale.ROOT, "**%,.0f records/s** (first record after %.1f s; per task: task thread "
                    + "%.0f %%, producer thread %.0f %% of a core; process %.0f µs CPU per record)",
                    recordsPerSecond, toFirstRecord.toMillis() / 1000.0, taskThreadBusy, producerThreadBusy,
                    processCpuMicrosPerRecord);
        }
    }
}
