package dev.shardbridge.sink.task;

import dev.shardbridge.sink.write.ChangeWriter.Rejection;
import dev.shardbridge.sink.write.GuardedPipeline;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Guarded writes that run on across {@code put} calls, so a task polls and decodes its next batch
 * while the last one is still being written, and a throttled item, retrying with backoff, holds up
 * nothing but itself. Every record is unfinished from submission until the write of its item's
 * newest change is done (or refused and reported); {@link #committable} lets Connect commit only
 * up to the first unfinished record of each partition.
 *
 * <p>Two writes of one item from consecutive batches may be in flight at once and land in either
 * order: the guard keeps the newer. That is why only guarded writes are pipelined.
 */
public final class PipelinedWrites implements AutoCloseable {

    private final GuardedPipeline pipeline;
    private final OffsetTracker tracker = new OffsetTracker();
    /** Bounds the items submitted but not written, so a stalled target slows polling instead of filling memory. */
    private final Semaphore capacity;
    private final Queue<RefusedGroup> refused = new ConcurrentLinkedQueue<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    public PipelinedWrites(GuardedPipeline pipeline, int maxUnwrittenItems) {
        this.pipeline = pipeline;
        this.capacity = new Semaphore(maxUnwrittenItems);
    }

    /** Starts writing each group; blocks only while the most unwritten items allowed are outstanding. */
    public void submit(List<ChangeGroup> groups) {
        for (ChangeGroup group : groups) {
            acquireCapacity();
            group.records().forEach(record -> tracker.started(partitionOf(record), record.originalKafkaOffset()));
            pipeline.submit(group.newest()).whenComplete((rejection, error) -> {
                capacity.release();
                if (error != null) {
                    // The group's records stay unfinished, so their offsets are never committed.
                    failure.compareAndSet(null, unwrap(error));
                } else if (rejection.isPresent()) {
                    refused.add(new RefusedGroup(rejection.get(), group));
                } else {
                    finish(group);
                }
            });
        }
    }

    /**
     * On the task thread: reports the items the target refused (the errant-record reporter is the
     * task's to call) and rethrows a write that failed for good.
     */
    public void settle(ErrantRecords errantRecords) {
        throwIfFailed();
        List<RefusedGroup> reported = new ArrayList<>();
        for (RefusedGroup group = refused.poll(); group != null; group = refused.poll()) {
            errantRecords.report(group.rejection().change().record(), group.rejection().reason());
            reported.add(group);
        }
        errantRecords.awaitReported();
        reported.forEach(group -> finish(group.group()));
    }

    /** The offsets Connect may commit of those it consumed: see {@link OffsetTracker#committable}. */
    public Map<TopicPartition, OffsetAndMetadata> committable(Map<TopicPartition, OffsetAndMetadata> consumed) {
        throwIfFailed();
        return tracker.committable(consumed);
    }

    public void forget(Collection<TopicPartition> partitions) {
        tracker.forget(partitions);
    }

    public int unfinishedRecords() {
        return tracker.unfinishedRecords();
    }

    private void finish(ChangeGroup group) {
        group.records().forEach(record -> tracker.finished(partitionOf(record), record.originalKafkaOffset()));
    }

    private void acquireCapacity() {
        try {
            while (!capacity.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                throwIfFailed(); // a failed write would never free its share of the capacity
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting for writes to finish", e);
        }
    }

    private void throwIfFailed() {
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed instanceof ConnectException connect ? connect : new ConnectException(failed);
        }
    }

    private static RuntimeException unwrap(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof RuntimeException runtime ? runtime : new ConnectException(cause);
    }

    /** Records are tracked as consumed, before any transformation renamed their topic or partition. */
    private static TopicPartition partitionOf(SinkRecord record) {
        return new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
    }

    @Override
    public void close() {
        pipeline.close();
    }

    private record RefusedGroup(Rejection rejection, ChangeGroup group) {
    }
}
