package dev.shardbridge.emulator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The two write paths measured: single PutItem calls and full 25-item BatchWriteItem calls. */
enum WriteScenario {
    PUT_ITEM(1), BATCH_WRITE_ITEM(25);

    private static final AtomicLong SEQUENCE = new AtomicLong();
    /**
     * Keys cycle through this many parcels, so long runs overwrite instead of growing the table without
     * bound: the live data stays the same size for every target and the heap does not fill up.
     */
    private static final long KEY_SPACE = 100_000;
    /** Sized so that a whole item, names included, is about 1,000 bytes: "1 KB items". */
    private static final String PAYLOAD = "x".repeat(960);

    private final int itemsPerRequest;

    WriteScenario(int itemsPerRequest) {
        this.itemsPerRequest = itemsPerRequest;
    }

    int itemsPerRequest() {
        return itemsPerRequest;
    }

    /** Sends one request of this scenario of about 1 KB items, keys distinct within a request. */
    void send(DynamoDbClient client, String table) {
        if (this == PUT_ITEM) {
            client.putItem(b -> b.tableName(table).item(item()));
            return;
        }
        List<WriteRequest> writes = new ArrayList<>(itemsPerRequest);
        for (int i = 0; i < itemsPerRequest; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item()).build()).build());
        }
        BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
        if (response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()) {
            throw new IllegalStateException("benchmark writes must all be processed");
        }
    }

    private static Map<String, AttributeValue> item() {
        return Map.of(
                "pk", AttributeValue.fromS("parcel-" + SEQUENCE.incrementAndGet() % KEY_SPACE),
                "city", AttributeValue.fromS("Hangzhou"),
                "scans", AttributeValue.fromN("17"),
                "payload", AttributeValue.fromS(PAYLOAD));
    }
}
