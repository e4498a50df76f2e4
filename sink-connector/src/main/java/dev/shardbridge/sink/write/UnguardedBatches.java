package dev.shardbridge.sink.write;

import dev.shardbridge.sink.errors.FailureKind;
import dev.shardbridge.sink.errors.UnprocessedItemsException;
import dev.shardbridge.sink.guard.GuardedRequests;
import dev.shardbridge.sink.retry.BoundedRetry;
import dev.shardbridge.sink.retry.RetriesExhaustedException;
import dev.shardbridge.sink.task.PendingChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes changes without the guard, as BatchWriteItem requests of up to {@code batch.size} items,
 * several batches at once. Items have the same shape as guarded writes (version attribute, and
 * tombstones for deletes), only the condition is missing, so readers need no second set of rules.
 * Items DynamoDB leaves unprocessed are resent, with backoff, until none is left. A batch the
 * target refuses for one item's sake is retried item by item to find and reject just that item.
 */
public final class UnguardedBatches implements ChangeWriter {

    private final DynamoDbClient client;
    private final GuardedRequests requests;
    private final BoundedRetry retry;
    private final int batchSize;
    private final WriterThreads threads;

    public UnguardedBatches(DynamoDbClient client, GuardedRequests requests, BoundedRetry retry, int batchSize,
                            int maxInFlight) {
        this.client = Objects.requireNonNull(client, "client");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.batchSize = batchSize;
        this.threads = new WriterThreads(maxInFlight);
    }

    @Override
    public List<Rejection> write(List<PendingChange> changes) {
        Map<String, List<PendingChange>> byTable = new LinkedHashMap<>();
        changes.forEach(change -> byTable.computeIfAbsent(change.table(), t -> new ArrayList<>()).add(change));
        List<Supplier<List<Rejection>>> jobs = new ArrayList<>();
        byTable.forEach((table, tableChanges) -> {
            for (int from = 0; from < tableChanges.size(); from += batchSize) {
                List<PendingChange> batch = tableChanges.subList(from, Math.min(from + batchSize, tableChanges.size()));
                jobs.add(() -> writeBatch(table, batch));
            }
        });
        return threads.runAll(jobs).stream().flatMap(List::stream).toList();
    }

    private List<Rejection> writeBatch(String table, List<PendingChange> batch) {
        List<WriteRequest> writes = batch.stream().map(change -> WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item(change)).build()).build()).toList();
        AtomicReference<Map<String, List<WriteRequest>>> pending = new AtomicReference<>(Map.of(table, writes));
        try {
            retry.run(() -> {
                Map<String, List<WriteRequest>> unprocessed =
                        client.batchWriteItem(b -> b.requestItems(pending.get())).unprocessedItems();
                if (unprocessed != null && !unprocessed.isEmpty()) {
                    pending.set(unprocessed);
                    throw new UnprocessedItemsException(table, unprocessed.values().stream().mapToInt(List::size).sum());
                }
                return Boolean.TRUE;
            });
            return List.of();
        } catch (RetriesExhaustedException e) {
            if (e.failure().kind() == FailureKind.BAD_RECORD) {
                return writeOneByOne(batch);
            }
            throw new WriteFailedException(batch.get(0), e);
        }
    }

    private List<Rejection> writeOneByOne(List<PendingChange> batch) {
        List<Rejection> rejected = new ArrayList<>();
        for (PendingChange change : batch) {
            try {
                retry.run(() -> client.putItem(b -> b.tableName(change.table()).item(item(change))));
            } catch (RetriesExhaustedException e) {
                if (e.failure().kind() != FailureKind.BAD_RECORD) {
                    throw new WriteFailedException(change, e);
                }
                rejected.add(new Rejection(change, e.failure().reason()));
            }
        }
        return rejected;
    }

    private Map<String, AttributeValue> item(PendingChange change) {
        return requests.forChange(change.table(), change.event()).item();
    }

    @Override
    public void close() {
        threads.close();
    }
}
