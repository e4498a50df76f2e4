package dev.shardbridge.system;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Application writers on an id-keyed table while the connectors run: updates, deletes and re-creations of given
 * keys, and optionally puts of new keys. Every write carries {@value #VERSION}, a number that grows per key with
 * every write, deletes and re-creations included, so {@link KeyVersionOrder} can check any order of events. Each
 * key belongs to one writer thread, so a key's numbers reach the store in increasing order.
 */
public final class VersionedWriters implements AutoCloseable {

    /** The per-key growing number every write carries. */
    public static final String VERSION = "v";
    private static final String PAD = "p".repeat(40);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String newKeyPrefix;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<String> touched = ConcurrentHashMap.newKeySet();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean running = true;

    /**
     * Starts {@code threadCount} writers at {@code writesPerSecond} in all over {@code keys} (whose items carry
     * {@value #VERSION} 0 or none); with a {@code newKeyPrefix}, three writes in ten put new keys instead.
     */
    public VersionedWriters(DynamoDbClient dynamoDb, String table, List<String> keys, String newKeyPrefix,
                            int threadCount, int writesPerSecond, long seed) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.newKeyPrefix = newKeyPrefix;
        long interval = 1_000_000_000L * threadCount / writesPerSecond;
        for (int t = 0; t < threadCount; t++) {
            List<String> owned = new ArrayList<>();
            for (int i = t; i < keys.size(); i += threadCount) {
                owned.add(keys.get(i));
            }
            int thread = t;
            Thread writer = new Thread(() -> {
                try {
                    write(thread, owned, interval, new Random(seed + thread));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, table + "-writer-" + t);
            writer.setDaemon(true);
            threads.add(writer);
        }
        threads.forEach(Thread::start);
    }

    /** An item as the seed and the writers write it. */
    public static Map<String, AttributeValue> item(String id, long version) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SystemStack.ID, AttributeValue.fromS(id));
        item.put(VERSION, AttributeValue.fromN(Long.toString(version)));
        item.put("pad", AttributeValue.fromS(PAD));
        return item;
    }

    private void write(int thread, List<String> owned, long interval, Random random) {
        Map<String, Long> versions = new HashMap<>();
        List<String> created = new ArrayList<>();
        long next = System.nanoTime();
        while (running) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += interval;
            int dice = random.nextInt(10);
            String key;
            if (newKeyPrefix != null && (dice < 3 || owned.isEmpty() && created.isEmpty())) {
                key = newKeyPrefix + thread + "-" + created.size();
                created.add(key);
                dice = 9;
            } else {
                boolean fromCreated = owned.isEmpty() || !created.isEmpty() && random.nextInt(4) == 0;
                List<String> from = fromCreated ? created : owned;
                key = from.get(random.nextInt(from.size()));
            }
            long version = versions.merge(key, 1L, Long::sum);
            String id = key;
            touched.add(key);
            if (dice < 6) {
                dynamoDb.updateItem(request -> request.tableName(table)
                        .key(Map.of(SystemStack.ID, AttributeValue.fromS(id)))
                        .updateExpression("SET #v = :v, w = :w").expressionAttributeNames(Map.of("#v", VERSION))
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(version)),
                                ":w", AttributeValue.fromS("u" + thread))));
            } else if (dice < 8) {
                dynamoDb.deleteItem(request -> request.tableName(table)
                        .key(Map.of(SystemStack.ID, AttributeValue.fromS(id))));
            } else {
                dynamoDb.putItem(request -> request.tableName(table).item(item(id, version)));
            }
            writes.incrementAndGet();
        }
    }

    /** The keys written to so far. */
    public Set<String> touched() {
        return touched;
    }

    public long writes() {
        return writes.get();
    }

    /** Stops the writers and waits for their last writes; fails if a write failed. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("A writer of " + table + " failed", failure.get());
        }
    }
}
