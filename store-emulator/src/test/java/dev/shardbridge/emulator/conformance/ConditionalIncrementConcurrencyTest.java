package dev.shardbridge.emulator.conformance;

import static dev.shardbridge.emulator.conformance.Values.item;
import static dev.shardbridge.emulator.conformance.Values.n;
import static dev.shardbridge.emulator.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Many clients update the same few items at once. A condition and the write it guards are one atomic
 * step per item, so no increment is lost and no condition is checked against a stale item.
 */
class ConditionalIncrementConcurrencyTest {
    @RegisterExtension
    static final EmulatorFixture emulator = new EmulatorFixture();

    private static final int THREADS = 8;
    private static final int ITEMS = 4;
    private static final int ATTEMPTS_PER_THREAD = 150;

    private final DynamoDbClient dynamo = emulator.client();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void conditionalIncrementsAreNeverLost() throws Exception {
        String table = createCounters();

        int succeeded = runConcurrently(attempt -> {
            dynamo.updateItem(b -> b.tableName(table).key(item("pk", s("c" + attempt % ITEMS)))
                    .updateExpression("SET n = n + :one").conditionExpression("attribute_exists(n) AND n >= :zero")
                    .expressionAttributeValues(Map.of(":one", n(1), ":zero", n(0))));
            return true;
        });

        assertThat(succeeded).isEqualTo(THREADS * ATTEMPTS_PER_THREAD);
        assertThat(counts(table)).containsOnly(THREADS * ATTEMPTS_PER_THREAD / ITEMS);
    }

    @Test
    void aCappedCounterStopsExactlyAtItsCap() throws Exception {
        String table = createCounters();
        int cap = 100;

        int succeeded = runConcurrently(attempt -> {
            try {
                dynamo.updateItem(b -> b.tableName(table).key(item("pk", s("c" + attempt % ITEMS)))
                        .updateExpression("SET n = n + :one").conditionExpression("n < :cap")
                        .expressionAttributeValues(Map.of(":one", n(1), ":cap", n(cap))));
                return true;
            } catch (ConditionalCheckFailedException full) {
                return false;
            }
        });

        assertThat(succeeded).isEqualTo(ITEMS * cap);
        assertThat(counts(table)).containsOnly(cap);
    }

    @Test
    void compareAndSetLoopsCountEveryIncrementOnce() throws Exception {
        String table = createCounters();

        int succeeded = runConcurrently(attempt -> {
            String key = "c" + attempt % ITEMS;
            while (true) {
                String current = dynamo.getItem(b -> b.tableName(table).key(item("pk", s(key))).consistentRead(true))
                        .item().get("n").n();
                try {
                    dynamo.updateItem(b -> b.tableName(table).key(item("pk", s(key)))
                            .updateExpression("SET n = :next").conditionExpression("n = :current")
                            .expressionAttributeValues(Map.of(":next", n(Long.parseLong(current) + 1),
                                    ":current", n(current))));
                    return true;
                } catch (ConditionalCheckFailedException lostTheRace) {
                    // Someone else incremented first: read again and retry.
                }
            }
        });

        assertThat(succeeded).isEqualTo(THREADS * ATTEMPTS_PER_THREAD);
        assertThat(counts(table)).containsOnly(THREADS * ATTEMPTS_PER_THREAD / ITEMS);
    }

    private String createCounters() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        for (int i = 0; i < ITEMS; i++) {
            int counter = i;
            dynamo.putItem(b -> b.tableName(table).item(item("pk", s("c" + counter), "n", n(0))));
        }
        return table;
    }

    /** Runs every attempt on the pool, all threads starting together; answers how many returned true. */
    private int runConcurrently(Attempt attempt) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int first = thread * ATTEMPTS_PER_THREAD;
            Callable<Integer> worker = () -> {
                start.await();
                int ok = 0;
                for (int i = first; i < first + ATTEMPTS_PER_THREAD; i++) {
                    ok += attempt.run(i) ? 1 : 0;
                }
                return ok;
            };
            results.add(pool.submit(worker));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<Integer> result : results) {
            succeeded += result.get(60, TimeUnit.SECONDS);
        }
        return succeeded;
    }

    private List<Integer> counts(String table) {
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            int counter = i;
            counts.add(Integer.parseInt(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("c" + counter)))
                    .consistentRead(true)).item().get("n").n()));
        }
        return counts;
    }

    @FunctionalInterface
    private interface Attempt {
        boolean run(int attempt);
    }
}
