package dev.shardbridge.system.bench;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Sees writes land in the replica by reading the replica table's own stream: a record there is the moment
 * the sink's write was applied. For each new image carrying {@code written_ms} it reports the delay from the
 * source write to now; it also counts every applied write. Or it hands every record to a listener of the caller's.
 * One thread; polls each shard every few ms. Per item, records come in the order the replica was written (no
 * parent-child ordering across shards: the replica must not split while watched).
 */
public final class ReplicaWatcher implements AutoCloseable {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Consumer<Record> listener;
    private final AtomicLong applied = new AtomicLong();
    private final Map<String, String> iterators = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Reports each write's delay from source to replica to {@code latencyMillis}. */
    static ReplicaWatcher latencies(DynamoDbStreamsClient streams, String streamArn, LongConsumer latencyMillis) {
        return new ReplicaWatcher(streams, streamArn, record -> reportLatency(record, latencyMillis));
    }

    /** Hands each record of the replica's stream to {@code listener}, on the watcher's thread. */
    public ReplicaWatcher(DynamoDbStreamsClient streams, String streamArn, Consumer<Record> listener) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.listener = listener;
        this.thread = new Thread(this::run, "replica-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** The replica stream's records seen so far: the sink's writes applied. */
    public long applied() {
        return applied.get();
    }

    private void run() {
        long nextListing = 0;
        while (running) {
            if (System.currentTimeMillis() >= nextListing) {
                discoverShards();
                nextListing = System.currentTimeMillis() + 1_000;
            }
            boolean any = false;
            for (Map.Entry<String, String> shard : iterators.entrySet()) {
                if (shard.getValue() == null) {
                    continue;
                }
                GetRecordsResponse page = streams.getRecords(request -> request.shardIterator(shard.getValue()));
                shard.setValue(page.nextShardIterator());
                any |= !page.records().isEmpty();
                page.records().forEach(this::seen);
            }
            if (!any) {
                sleep();
            }
        }
    }

    private void seen(Record record) {
        listener.accept(record);
        applied.incrementAndGet();
    }

    private static void reportLatency(Record record, LongConsumer latencyMillis) {
        long now = System.currentTimeMillis();
        AttributeValue written = record.dynamodb().hasNewImage() ? record.dynamodb().newImage().get("written_ms")
                : null;
        if (written != null) {
            latencyMillis.accept(now - Long.parseLong(written.n()));
        }
    }

    private void discoverShards() {
        List<Shard> shards = streams.describeStream(request -> request.streamArn(streamArn)).streamDescription()
                .shards();
        for (Shard shard : shards) {
            iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(request -> request
                    .streamArn(streamArn).shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
