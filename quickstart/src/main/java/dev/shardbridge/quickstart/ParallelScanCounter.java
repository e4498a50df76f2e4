package dev.shardbridge.quickstart;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Counts a table's items with a parallel Scan, one thread per segment. */
final class ParallelScanCounter {
    private final DynamoDbClient client;
    private final String table;
    private final int segments;

    ParallelScanCounter(DynamoDbClient client, String table, int segments) {
        this.client = client;
        this.table = table;
        this.segments = segments;
    }

    int count() {
        List<CompletableFuture<Integer>> counts = IntStream.range(0, segments)
                .mapToObj(segment -> CompletableFuture.supplyAsync(() -> countSegment(segment)))
                .toList();
        return counts.stream().mapToInt(CompletableFuture::join).sum();
    }

    private int countSegment(int segment) {
        return client.scanPaginator(b -> b.tableName(table).segment(segment).totalSegments(segments))
                .stream().mapToInt(page -> page.count()).sum();
    }
}
