package dev.shardbridge.sink.guard;

import dev.shardbridge.event.ChangeEvent;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Applies one change with its guard. A failed condition means the target is already at this
 * change's position or past it, so it is reported as {@link WriteOutcome#ALREADY_APPLIED}; every
 * other failure propagates to the caller's error classification.
 */
public final class GuardedWriter {

    private final DynamoDbClient client;
    private final GuardedRequests requests;

    public GuardedWriter(DynamoDbClient client, GuardedRequests requests) {
        this.client = Objects.requireNonNull(client, "client");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    public WriteOutcome apply(String table, ChangeEvent event) {
        try {
            client.putItem(requests.forChange(table, event));
            return WriteOutcome.APPLIED;
        } catch (ConditionalCheckFailedException stale) {
            return WriteOutcome.ALREADY_APPLIED;
        }
    }
}
