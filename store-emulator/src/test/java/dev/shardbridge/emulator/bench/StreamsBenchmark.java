package dev.shardbridge.emulator.bench;

import dev.shardbridge.emulator.EmulatorSettings;
import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.emulator.stream.StreamSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The change streams' cost and speed, through the AWS SDK v2 over HTTP: BatchWriteItem item rate with
 * streams on versus off, the latency of one GetRecords call returning 1000 records of 1 KB, and the rate
 * at which one reader drains one shard.
 *
 * <p>Run: {@code mvn -B -q -pl store-emulator test-compile exec:exec@streams-benchmark}
 * (options: {@code -Dbench.seconds=10 -Dbench.warmup=5 -Dbench.drainRecords=100000}).
 */
public final class StreamsBenchmark {
    private static final int WRITER_THREADS = 4;
    private static final int PAGE = 1000;

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
        int drainRecords = Integer.getInteger("bench.drainRecords", 100_000);
        // One partition per table so one shard holds every record; the readers limit is lifted because
        // the latency loop re-reads the same records with fresh iterators.
        StreamSettings streams = StreamSettings.AWS.withDefaultPartitions(1).withMaxReadersPerShard(1_000_000);
        EmulatorSettings settings = EmulatorSettings.defaults().withStreams(streams);
        // Each phase gets a fresh emulator, so records retained by one do not burden the next one's heap.
        try (StoreEmulator emulator = StoreEmulator.start(settings);
             DynamoDbClient dynamo = dynamo(emulator.endpoint())) {
            compareWriteRates(dynamo, warmup, measure);
        }
        System.gc();
        try (StoreEmulator emulator = StoreEmulator.start(settings);
             DynamoDbClient dynamo = dynamo(emulator.endpoint());
             DynamoDbStreamsClient reader = streams(emulator.endpoint())) {
            measureGetRecordsLatency(dynamo, reader, new RawGetRecords(emulator.endpoint()));
        }
        System.gc();
        try (StoreEmulator emulator = StoreEmulator.start(settings);
             DynamoDbClient dynamo = dynamo(emulator.endpoint());
             DynamoDbStreamsClient reader = streams(emulator.endpoint())) {
            measureDrainRate(dynamo, reader, drainRecords);
        }
    }

    private static void compareWriteRates(DynamoDbClient client, Duration warmup, Duration measure)
            throws InterruptedException {
        createTable(client, "writes_streams_off", null);
        createTable(client, "writes_streams_on", StreamViewType.NEW_AND_OLD_IMAGES);
        writeFor(client, "writes_streams_off", warmup);
        writeFor(client, "writes_streams_on", warmup);
        // Alternate the two tables so drift (JIT, GC, heap growth) hits both alike.
        double off = 0;
        double on = 0;
        for (int round = 0; round < 3; round++) {
            off += writeFor(client, "writes_streams_off", measure) / 3;
            on += writeFor(client, "writes_streams_on", measure) / 3;
        }
        System.out.printf(Locale.ROOT, "BatchWriteItem, %d threads: streams off %.0f items/s, streams on "
                + "(NEW_AND_OLD_IMAGES) %.0f items/s, cost %.1f %%%n", WRITER_THREADS, off, on, 100 * (1 - on / off));
    }

    /** Writes 25-item batches of new 1 KB items from several threads; returns items per second. */
    private static double writeFor(DynamoDbClient client, String table, Duration duration)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(WRITER_THREADS);
        long[] batches = new long[WRITER_THREADS];
        for (int t = 0; t < WRITER_THREADS; t++) {
            int slot = t;
            new Thread(() -> {
                try {
                    while (running.get()) {
                        WriteScenario.BATCH_WRITE_ITEM.send(client, table);
                        batches[slot]++;
                    }
                } finally {
                    done.countDown();
                }
            }, "writer-" + t).start();
        }
        long start = System.nanoTime();
        Thread.sleep(duration.toMillis());
        running.set(false);
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = 0;
        for (long b : batches) {
            total += b;
        }
        return total * WriteScenario.BATCH_WRITE_ITEM.itemsPerRequest() / seconds;
    }

    /**
     * Times GetRecords of a full page twice: through the SDK (what a connector sees, including the SDK's
     * parsing) and over raw HTTP (what the server takes to serve it).
     */
    private static void measureGetRecordsLatency(DynamoDbClient dynamo, DynamoDbStreamsClient reader,
                                                 RawGetRecords raw) throws Exception {
        String arn = createTable(dynamo, "latency", StreamViewType.NEW_IMAGE);
        fill(dynamo, "latency", PAGE);
        String shardId = reader.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        LatencyRecorder sdk = new LatencyRecorder();
        LatencyRecorder http = new LatencyRecorder();
        for (int i = 0; i < 600; i++) {
            String iterator = reader.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            long start = System.nanoTime();
            if (i % 2 == 0) {
                GetRecordsResponse page = reader.getRecords(b -> b.shardIterator(iterator).limit(PAGE));
                if (page.records().size() != PAGE) {
                    throw new IllegalStateException("expected a full page, got " + page.records().size());
                }
            } else {
                raw.fetch(iterator, PAGE);
            }
            long elapsed = System.nanoTime() - start;
            if (i >= 100) {
                (i % 2 == 0 ? sdk : http).record(elapsed);
            }
        }
        for (var entry : java.util.Map.of("raw HTTP (server)", http, "the AWS SDK", sdk).entrySet()) {
            LatencyRecorder.Summary summary = LatencyRecorder.summarise(List.of(entry.getValue()));
            System.out.printf(Locale.ROOT, "GetRecords of %d records of 1 KB over %s: p50 %.2f ms, p99 %.2f ms "
                    + "(%d calls)%n", PAGE, entry.getKey(), summary.p50Millis(), summary.p99Millis(),
                    summary.requests());
        }
    }

    private static void measureDrainRate(DynamoDbClient dynamo, DynamoDbStreamsClient reader, int records) {
        String arn = createTable(dynamo, "drain", StreamViewType.NEW_IMAGE);
        fill(dynamo, "drain", records);
        String shardId = reader.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String iterator = reader.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        long start = System.nanoTime();
        int read = 0;
        while (read < records) {
            String current = iterator;
            GetRecordsResponse page = reader.getRecords(b -> b.shardIterator(current).limit(PAGE));
            read += page.records().size();
            iterator = page.nextShardIterator();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "one shard drained by one reader through the SDK: %d records of 1 KB in "
                + "%.2f s = %.0f records/s%n", read, seconds, read / seconds);
    }

    private static void fill(DynamoDbClient client, String table, int items) {
        List<Thread> writers = new ArrayList<>();
        int batches = (items + 24) / 25;
        for (int t = 0; t < WRITER_THREADS; t++) {
            int share = batches / WRITER_THREADS + (t < batches % WRITER_THREADS ? 1 : 0);
            Thread writer = new Thread(() -> {
                for (int b = 0; b < share; b++) {
                    WriteScenario.BATCH_WRITE_ITEM.send(client, table);
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Creates a table keyed by {@code pk}; returns its stream ARN, or null without a stream. */
    private static String createTable(DynamoDbClient client, String name, StreamViewType view) {
        return client.createTable(b -> {
            b.tableName(name)
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST);
            if (view != null) {
                b.streamSpecification(s -> s.streamEnabled(true).streamViewType(view));
            }
        }).tableDescription().latestStreamArn();
    }

    private static DynamoDbClient dynamo(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(16)).build();
    }

    private static DynamoDbStreamsClient streams(URI endpoint) {
        return DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(4)).build();
    }
}
