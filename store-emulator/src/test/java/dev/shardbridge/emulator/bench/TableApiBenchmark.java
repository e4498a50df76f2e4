package dev.shardbridge.emulator.bench;

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
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Write throughput and latency of the table API over HTTP through the AWS SDK v2, for the emulator and
 * DynamoDB Local in the same run: PutItem and 25-item BatchWriteItem of 1 KB items, 1 and 4 client
 * threads. Prints one line per measurement.
 *
 * <p>Run: {@code mvn -B -q -pl store-emulator test-compile exec:exec@table-api-benchmark}
 * (options: {@code -Dbench.seconds=10 -Dbench.warmup=5 -Dbench.targets=emulator,dynamodb-local}; durable-mode
 * targets {@code emulator-fsync-interval} and {@code emulator-fsync-always} write to a temporary data dir).
 */
public final class TableApiBenchmark {
    private static final int[] THREADS = {1, 4};

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
        List<String> targets = List.of(System.getProperty("bench.targets", "emulator,dynamodb-local").split(","));
        System.out.printf(Locale.ROOT, "%-24s %-17s %7s %12s %12s %9s %9s%n",
                "target", "operation", "threads", "items/s", "requests/s", "p50 ms", "p99 ms");
        for (String name : targets) {
            try (BenchmarkTarget target = BenchmarkTarget.named(name)) {
                try (DynamoDbClient client = client(target.endpoint())) {
                    createTable(client);
                    for (WriteScenario scenario : WriteScenario.values()) {
                        for (int threads : THREADS) {
                            run(client, scenario, threads, warmup);
                            Result result = run(client, scenario, threads, measure);
                            System.out.printf(Locale.ROOT, "%-24s %-17s %7d %12.0f %12.0f %9.2f %9.2f%n",
                                    target.name(), scenario, threads, result.itemsPerSecond(scenario),
                                    result.requestsPerSecond(), result.latency().p50Millis(),
                                    result.latency().p99Millis());
                        }
                    }
                }
            }
        }
    }

    record Result(LatencyRecorder.Summary latency, Duration elapsed) {
        double requestsPerSecond() {
            return latency.requests() / (elapsed.toNanos() / 1e9);
        }

        double itemsPerSecond(WriteScenario scenario) {
            return requestsPerSecond() * scenario.itemsPerRequest();
        }
    }

    private static Result run(DynamoDbClient client, WriteScenario scenario, int threads, Duration duration)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        List<LatencyRecorder> recorders = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorders.add(recorder);
            Thread worker = new Thread(() -> {
                try {
                    while (running.get()) {
                        long start = System.nanoTime();
                        scenario.send(client, "bench");
                        recorder.record(System.nanoTime() - start);
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-" + t);
            worker.start();
        }
        long start = System.nanoTime();
        Thread.sleep(duration.toMillis());
        running.set(false);
        done.await();
        return new Result(LatencyRecorder.summarise(recorders), Duration.ofNanos(System.nanoTime() - start));
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(16))
                .build();
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(b -> b.tableName("bench")
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }
}
