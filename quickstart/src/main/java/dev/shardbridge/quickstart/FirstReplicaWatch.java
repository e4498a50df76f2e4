package dev.shardbridge.quickstart;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Measures when the first item shows up in the replica table — the time a user waits to see the idea work —
 * by asking the replica for one item every 50 ms until it has one.
 */
final class FirstReplicaWatch implements AutoCloseable {
    private final DynamoDbClient client;
    private final String table;
    private final Thread thread = new Thread(this::watch, "quickstart-first-replica");
    private volatile Instant firstSeen;
    private volatile boolean running = true;

    FirstReplicaWatch(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
        thread.setDaemon(true);
    }

    FirstReplicaWatch start() {
        thread.start();
        return this;
    }

    /** Time from {@code start} to the first replicated item, if one arrived. */
    Optional<Duration> sinceStart(Instant start) {
        return Optional.ofNullable(firstSeen).map(seen -> Duration.between(start, seen));
    }

    private void watch() {
        while (running && firstSeen == null) {
            try {
                if (client.scan(b -> b.tableName(table).limit(1)).count() > 0) {
                    firstSeen = Instant.now();
                    return;
                }
            } catch (ResourceNotFoundException notCreatedYet) {
                // the sink creates the replica table with its first batch
            } catch (RuntimeException stopping) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
