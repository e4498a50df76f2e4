package dev.shardbridge.sink.write;

import dev.shardbridge.sink.errors.FailureKind;
import dev.shardbridge.sink.guard.GuardedRequests;
import dev.shardbridge.sink.retry.BoundedRetry;
import dev.shardbridge.sink.retry.RetriesExhaustedException;
import dev.shardbridge.sink.task.PendingChange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Writes each change as its own conditional PutItem (BatchWriteItem cannot carry conditions),
 * many at once: the changes of one batch are to distinct items, so their order does not matter
 * and they run in parallel, bounded by the writer threads. Each write retries on its own, so a
 * throttled partition slows only its items. A failed condition means the target already holds
 * this change or a newer one, and counts as written.
 */
public final class GuardedPipeline implements ChangeWriter {

    private final DynamoDbClient client;
    private final GuardedRequests requests;
    private final BoundedRetry retry;
    private final WriterThreads threads;

    public GuardedPipeline(DynamoDbClient client, GuardedRequests requests, BoundedRetry retry, int maxInFlight) {
        this.client = Objects.requireNonNull(client, "client");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.threads = new WriterThreads(maxInFlight);
    }

    @Override
    public List<Rejection> write(List<PendingChange> changes) {
        List<Supplier<Optional<Rejection>>> jobs = changes.stream()
                .map(change -> (Supplier<Optional<Rejection>>) () -> writeOne(change)).toList();
        return threads.runAll(jobs).stream().flatMap(Optional::stream).toList();
    }

    private Optional<Rejection> writeOne(PendingChange change) {
        try {
            retry.run(() -> client.putItem(requests.forChange(change.table(), change.event())));
            return Optional.empty();
        } catch (RetriesExhaustedException e) {
            if (e.failure().kind() == FailureKind.BAD_RECORD) {
                return Optional.of(new Rejection(change, e.failure().reason()));
            }
            throw new WriteFailedException(change, e);
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}
