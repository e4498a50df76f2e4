package dev.shardbridge.source.engine;

import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.source.cluster.KeyedTable;
import dev.shardbridge.source.cluster.KeyedWrites;
import dev.shardbridge.source.cluster.SourceConnectorSettings;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector run by Debezium's embedded engine (no Kafka; offsets in a file) against the in-process
 * emulator: a three-partition table is written steadily while a partition splits and later every shard rolls
 * over, and the engine is stopped after a seeded random number of delivered changes, again and again, each time
 * restarted on the same offset file. Per key, the changes delivered over all runs must be exactly the changes
 * the table applied: none missing, none repeated, in table order, each delete followed by its tombstone.
 *
 * <p>Why no repeat is expected, not merely tolerated: the engine writes to its offset store only offsets of
 * records the consumer marked processed, and its {@code close()} stops polling, then flushes every marked
 * offset before the tasks stop. {@link DeliveredChanges} counts a record and marks it in one step and refuses
 * everything once its stop point is reached, before {@code close()} is called; so the offset file ends each run
 * exactly at the last counted record of every shard, and the connector resumes after it. (A crash instead of
 * {@code close()} would repeat what was delivered since the last flush: at-least-once, as in Connect.)
 *
 * <p>The engine ignores {@code requestTaskReconfiguration()}, so a run never learns of shards created while it
 * runs: the children of the split and of the rollover are first read by the run after, which has to find
 * them, wait for their parents' drained markers in the offset file, and continue each key in order.
 */
class EmbeddedEngineRestartIT {

    private static final String TABLE = "parcels";
    private static final int WRITES = 2_400;
    private static final int RESTARTS = 6;
    private static final long SEED = 20_261_124L;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path offsetDir;

    @Test
    void stoppedAnywhereAndRestartedAcrossASplitAndARolloverItDeliversEveryChangeOnceInTableOrder() throws Exception {
        try (StoreEmulator emulator = StoreEmulator.start();
             DynamoDbClient dynamoDb = KeyedTable.client(emulator.endpoint())) {
            emulator.admin().setPartitions(TABLE, 3);
            KeyedTable.create(dynamoDb, TABLE);
            KeyedWrites writes = new KeyedWrites(dynamoDb, TABLE, 150, SEED);
            DeliveredChanges delivered = new DeliveredChanges(TABLE);
            Properties engineProps = engineProps(emulator);
            Random stops = new Random(SEED);
            List<Integer> stopPoints = new ArrayList<>();

            try (PacedWrites writer = new PacedWrites(writes, WRITES, List.of(
                    new PacedWrites.TopologyChange(WRITES / 3, "split partition 1",
                            () -> emulator.admin().splitPartition(TABLE, 1)),
                    new PacedWrites.TopologyChange(2 * WRITES / 3, "roll every shard",
                            () -> emulator.admin().rollShards(TABLE))))) {
                writer.start();
                for (int run = 0; run < RESTARTS; run++) {
                    // One seeded stop point in each sixth of the workload, so stops fall before, around and after
                    // the split and the rollover. Each run starts only once the writer is halfway into its sixth:
                    // the run that follows a topology change then finds a parent with unread changes next to
                    // children that already have some, which only the lineage gate keeps in order.
                    int from = run * WRITES / RESTARTS;
                    int to = (run + 1) * WRITES / RESTARTS;
                    awaitWritten(writes, (from + to) / 2);
                    // Decided before the engine discovers shards, so this run can reach the stop point.
                    int readable = writer.readableWithoutRediscovery();
                    int stopAt = Math.max(delivered.changes(),
                            Math.min(readable, from + stops.nextInt(to - from + 1)));
                    stopPoints.add(stopAt);
                    delivered.stopAfter(stopAt);
                    try (EngineRun engine = EngineRun.start(engineProps, delivered, RUN_TIMEOUT)) {
                        engine.await(delivered::refusing, RUN_TIMEOUT, stopAt + " changes delivered (run " + run + ")");
                    }
                }
                writer.done().get(1, TimeUnit.MINUTES);
            }

            Map<String, List<String>> expected = withTombstones(writes.expected());
            int expectedTombstones = expected.values().stream()
                    .mapToInt(labels -> Collections.frequency(labels, DeliveredChanges.TOMBSTONE)).sum();
            delivered.resume();
            try (EngineRun engine = EngineRun.start(engineProps, delivered, RUN_TIMEOUT)) {
                engine.await(() -> delivered.changes() >= writes.changeCount()
                                && delivered.tombstones() >= expectedTombstones, RUN_TIMEOUT,
                        "all " + writes.changeCount() + " changes (stop points " + stopPoints + ")");
            }

            assertThat(delivered.perKey()).as("per key, the changes delivered across restarts at %s", stopPoints)
                    .isEqualTo(expected);
            assertThat(delivered.changes()).isEqualTo(writes.changeCount());
            // 3 first shards, 2 children of the split, then a child for each of the 4 shards open at the rollover.
            assertThat(delivered.shards()).as("shards the changes came from").hasSize(3 + 2 + 4);
        }
    }

    private static void awaitWritten(KeyedWrites writes, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (writes.written() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The writer did not reach " + count + " writes within " + RUN_TIMEOUT);
            }
            Thread.sleep(10);
        }
    }

    /** Each delete followed by its tombstone, as the connector emits them. */
    private static Map<String, List<String>> withTombstones(Map<String, List<String>> changes) {
        Map<String, List<String>> expected = new HashMap<>();
        changes.forEach((key, labels) -> expected.put(key, labels.stream()
                .flatMap(label -> label.startsWith("del:") ? Stream.of(label, DeliveredChanges.TOMBSTONE)
                        : Stream.of(label))
                .toList()));
        return expected;
    }

    private Properties engineProps(StoreEmulator emulator) {
        Properties props = new Properties();
        props.putAll(SourceConnectorSettings.forTable(emulator.endpoint(), TABLE, 4));
        props.put("name", "parcels-source");
        props.put("offset.storage", FileOffsetBackingStore.class.getName());
        props.put("offset.storage.file.filename", offsetDir.resolve("offsets.dat").toString());
        props.put("offset.flush.interval.ms", "100");
        // Small pages: a parent's backlog takes many polls, so children on other tasks would overtake it if the
        // lineage gate let them.
        props.put("poll.max.records", "100");
        props.put("tombstones.on.delete", "true");
        return props;
    }
}
