package dev.shardbridge.source.bench;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark's items: about 1,000 bytes each (names included), keyed by {@code id} as the cluster tests'
 * tables are, and stamped with the wall-clock time they were written so a consumer can measure the lag.
 */
final class BenchItems {

    static final String WRITTEN_AT = "written_ms";
    private static final String PAYLOAD = "x".repeat(950);
    private static final int BATCH = 25;

    private BenchItems() {
    }

    static Map<String, AttributeValue> item(long number, long writtenAtMillis) {
        return Map.of(
                "id", AttributeValue.fromS(String.format(Locale.ROOT, "item-%010d", number)),
                WRITTEN_AT, AttributeValue.fromN(Long.toString(writtenAtMillis)),
                "payload", AttributeValue.fromS(PAYLOAD));
    }

    /**
     * Writes items {@code 0..count-1} with 25-item BatchWriteItem calls from {@code threads} threads, the fastest
     * way to build a backlog; returns the elapsed nanoseconds.
     */
    static long fill(DynamoDbClient dynamoDb, String table, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    // Thread t writes batches t, t + threads, ...: keys stay distinct within and across batches.
                    for (int batch = first; batch * BATCH < count; batch += threads) {
                        writeBatch(dynamoDb, table, batch * BATCH, Math.min(count, (batch + 1) * BATCH));
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return System.nanoTime() - start;
    }

    private static void writeBatch(DynamoDbClient dynamoDb, String table, int from, int to) {
        long now = System.currentTimeMillis();
        List<WriteRequest> writes = new ArrayList<>(to - from);
        for (int n = from; n < to; n++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(n, now)).build()).build());
        }
        BatchWriteItemResponse response =
                dynamoDb.batchWriteItem(request -> request.requestItems(Map.of(table, writes)));
        if (response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()) {
            // The emulator only leaves items unprocessed under an injected fault; a silent shortfall would skew N.
            throw new IllegalStateException("BatchWriteItem left items unprocessed while filling " + table);
        }
    }
}
