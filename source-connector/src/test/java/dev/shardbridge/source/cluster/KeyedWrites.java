package dev.shardbridge.source.cluster;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A seeded write workload on a table keyed by {@code id}: puts that bump a per-key version {@code v}, and now
 * and then a delete of an existing item. It remembers, per key, the changes in the order the table applied
 * them, written as {@code put:v} or {@code del:v}, which is what a change topic must reproduce.
 */
public final class KeyedWrites {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final int keys;
    private final Random random;
    private final Map<String, Integer> versions = new HashMap<>();
    private final Map<String, Boolean> present = new HashMap<>();
    private final Map<String, List<String>> expected = new HashMap<>();
    private final AtomicInteger written = new AtomicInteger();

    public KeyedWrites(DynamoDbClient dynamoDb, String table, int keys, long seed) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.keys = keys;
        this.random = new Random(seed);
    }

    /** Performs one write. */
    public void next() {
        String id = "k-" + random.nextInt(keys);
        if (present.getOrDefault(id, false) && random.nextInt(10) == 0) {
            int v = versions.get(id);
            dynamoDb.deleteItem(request -> request.tableName(table).key(Map.of("id", s(id))));
            present.put(id, false);
            expected.computeIfAbsent(id, k -> new ArrayList<>()).add("del:" + v);
        } else {
            int v = versions.merge(id, 1, Integer::sum);
            dynamoDb.putItem(request -> request.tableName(table).item(Map.of("id", s(id),
                    "v", AttributeValue.fromN(Integer.toString(v)), "payload", s("x".repeat(200)))));
            present.put(id, true);
            expected.computeIfAbsent(id, k -> new ArrayList<>()).add("put:" + v);
        }
        written.incrementAndGet();
    }

    public int written() {
        return written.get();
    }

    /** Blocks until at least {@code count} writes are done; the test's own thread waits on a writer thread. */
    void awaitWritten(int count) throws InterruptedException {
        while (written.get() < count) {
            Thread.sleep(20);
        }
    }

    /** Per key (as the change topic's decoded key prints it), the changes in applied order. */
    public Map<String, List<String>> expected() {
        Map<String, List<String>> byKey = new HashMap<>();
        expected.forEach((id, changes) -> byKey.put(Map.of("id", s(id)).toString(), List.copyOf(changes)));
        return byKey;
    }

    public int changeCount() {
        return expected.values().stream().mapToInt(List::size).sum();
    }

    /** The same {@code put:v}/{@code del:v} label for a change event read back from Kafka. */
    public static String label(ChangeEvent event) {
        return event.op() == Operation.DELETE ? "del:" + event.before().get("v").n() : "put:" + event.after().get("v").n();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
