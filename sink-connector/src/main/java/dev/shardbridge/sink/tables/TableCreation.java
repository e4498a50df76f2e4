package dev.shardbridge.sink.tables;

import dev.shardbridge.sink.config.KeySchemaSpec;
import dev.shardbridge.sink.retry.BoundedRetry;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.connect.errors.ConnectException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates a target table (on-demand capacity) and waits until it accepts writes. Several tasks
 * may race to create the same table; the loser sees ResourceInUseException and waits like the
 * winner.
 */
final class TableCreation {

    /** AWS usually needs seconds; this bound only stops a task from hanging on a table stuck in CREATING. */
    private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final DynamoDbClient client;
    private final BoundedRetry retry;

    TableCreation(DynamoDbClient client, BoundedRetry retry) {
        this.client = client;
        this.retry = retry;
    }

    TableDescription create(String table, KeySchemaSpec keySchema) {
        try {
            retry.run(() -> client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(keySchema.keySchema()).attributeDefinitions(keySchema.attributeDefinitions())));
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof ResourceInUseException)) {
                throw new ConnectException("Cannot create target table " + table + ": " + e.getMessage(), e);
            }
        }
        return awaitActive(table);
    }

    private TableDescription awaitActive(String table) {
        Instant deadline = Instant.now().plus(ACTIVE_TIMEOUT);
        while (true) {
            TableDescription description = retry.run(() -> client.describeTable(b -> b.tableName(table)).table());
            if (description != null && description.tableStatus() == TableStatus.ACTIVE) {
                return description;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ConnectException("Target table " + table + " did not become ACTIVE within " + ACTIVE_TIMEOUT);
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted while waiting for table " + table, e);
            }
        }
    }
}
