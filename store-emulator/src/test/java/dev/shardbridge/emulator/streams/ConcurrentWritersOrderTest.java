package dev.shardbridge.emulator.streams;

import static dev.shardbridge.emulator.streams.TestTable.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.stream.TableStreams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Several writers increment the same keys while partitions split and shards roll over. Read parents
 * first, every key's stream shows its counter rising by exactly one per record up to its final value:
 * the per-item order a consumer relies on holds across every shard of a lineage.
 */
class ConcurrentWritersOrderTest {
    private static final int WRITERS = 4;
    private static final int KEYS = 50;
    private static final int ROUNDS = 10;
    private static final int RESTRUCTURINGS = 8;

    @RegisterExtension
    static final StreamsEmulator emulator = StreamsEmulator.inRealTime();

    /** Real time: writes and restructurings interleave as they would in a running service. */
    @Test
    void everyKeysCounterRisesOneByOneAcrossSplitsAndRollovers() throws Exception {
        TestTable table = TestTable.create(emulator.clients(), "concurrent-order", StreamViewType.NEW_IMAGE);
        List<String> keys = IntStream.range(0, KEYS).mapToObj(i -> "key-" + i).toList();
        AtomicInteger writes = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            Random random = new Random(writer);
            writers.add(pool.submit(() -> incrementAll(table.name(), keys, random, writes)));
        }
        restructureWhileWriting(emulator.streamsOf(table.name()), writes, writers);
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        ShardTree tree = ShardTree.read(new StreamReader(emulator.clients().streams()), table.streamArn())
                .assertConsistent();
        Map<String, List<Integer>> countersByKey = new LinkedHashMap<>();
        for (Record record : tree.records()) {
            countersByKey.computeIfAbsent(record.dynamodb().keys().get("pk").s(), k -> new ArrayList<>())
                    .add(Integer.parseInt(record.dynamodb().newImage().get("counter").n()));
        }

        List<Integer> everyValue = IntStream.rangeClosed(1, WRITERS * ROUNDS).boxed().toList();
        assertThat(countersByKey.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(countersByKey).allSatisfy((key, counters) -> assertThat(counters).as(key).isEqualTo(everyValue));
        assertThat(tree.shards()).hasSizeGreaterThanOrEqualTo(4 + RESTRUCTURINGS);
        assertThat(tree.shards()).filteredOn(s -> !tree.recordsOf(s.shardId()).isEmpty())
                .as("records spread over parents and children").hasSizeGreaterThan(4);
    }

    /** Each writer adds one to every key, ROUNDS times, in its own shuffled order. */
    private static void incrementAll(String table, List<String> keys, Random random, AtomicInteger writes) {
        DynamoDbClient client = emulator.clients().tables();
        List<String> order = new ArrayList<>(keys);
        for (int round = 0; round < ROUNDS; round++) {
            Collections.shuffle(order, random);
            for (String key : order) {
                client.updateItem(b -> b.tableName(table).key(item("pk", key)).updateExpression("ADD #c :one")
                        .expressionAttributeNames(Map.of("#c", "counter"))
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
                writes.incrementAndGet();
            }
        }
    }

    /** Splits a partition or rolls every shard at evenly spaced points of the writers' progress. */
    private static void restructureWhileWriting(TableStreams streams, AtomicInteger writes, List<Future<?>> writers) {
        Random random = new Random(42);
        int total = WRITERS * KEYS * ROUNDS;
        for (int step = 1; step <= RESTRUCTURINGS; step++) {
            int target = total * step / (RESTRUCTURINGS + 1);
            while (writes.get() < target && writers.stream().anyMatch(w -> !w.isDone())) {
                LockSupport.parkNanos(100_000);
            }
            if (step % 4 == 0) {
                streams.rollAll();
            } else {
                streams.split(random.nextInt(streams.partitions().size()));
            }
        }
    }
}
