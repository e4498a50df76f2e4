package dev.shardbridge.source.bench;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread writing new items with PutItem on a fixed schedule, each stamped with the wall-clock time just
 * before its call. The schedule is absolute (item i is due at start + i / rate), so a slow call is caught up
 * instead of lowering the rate; the stamp is the real write time either way, so a late write does not hide lag.
 */
final class FixedRateWriter implements Runnable {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final int perSecond;
    private final Duration duration;
    private volatile int written;
    private volatile long elapsedNanos;

    FixedRateWriter(DynamoDbClient dynamoDb, String table, int perSecond, Duration duration) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.perSecond = perSecond;
        this.duration = duration;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        long total = duration.toSeconds() * perSecond;
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / perSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long item = i;
            dynamoDb.putItem(request -> request.tableName(table)
                    .item(BenchItems.item(item, System.currentTimeMillis())));
            written++;
        }
        elapsedNanos = System.nanoTime() - start;
    }

    int written() {
        return written;
    }

    /** Writes per second actually achieved; valid once {@link #run()} has returned. */
    double achievedRate() {
        return written / (elapsedNanos / 1e9);
    }
}
