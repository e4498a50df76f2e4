package dev.shardbridge.quickstart;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A short workload through the AWS SDK: creates {@code parcel_scans}, batch-writes the scans, marks
 * parcels delivered with conditional updates, deletes cancelled scans, then reads everything back with
 * Query and a parallel Scan and checks that what it reads is exactly what it wrote.
 */
final class SmokeWorkload {
    static final String TABLE = "parcel_scans";
    private static final int SCANS_PER_PARCEL = 8;
    private static final int SEGMENTS = 4;

    private final DynamoDbClient client;
    private final PrintStream out;

    SmokeWorkload(DynamoDbClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    /** Runs the workload; returns true when every check passed. */
    boolean run(int parcels) {
        createTable();
        long start = System.nanoTime();
        int written = writeScans(parcels);
        long writeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        out.printf("wrote %d scans of %d parcels with BatchWriteItem in %d ms (%.0f items/s)%n", written, parcels,
                writeMillis, written * 1000.0 / Math.max(1, writeMillis));

        int delivered = markDelivered(parcels);
        out.printf("marked %d parcels delivered with conditional UpdateItem; a second attempt was rejected%n",
                delivered);
        int deleted = deleteFirstScanOfEveryTenthParcel(parcels);
        out.printf("deleted %d cancelled scans%n", deleted);

        int expected = written - deleted;
        int queried = countByQuery(parcels);
        int scanned = new ParallelScanCounter(client, TABLE, SEGMENTS).count();
        out.printf("read back %d items with Query and %d with a %d-segment parallel Scan (expected %d)%n",
                queried, scanned, SEGMENTS, expected);
        return queried == expected && scanned == expected && delivered == parcels;
    }

    private void createTable() {
        client.createTable(b -> b.tableName(TABLE)
                .keySchema(k -> k.attributeName("parcel_id").keyType(KeyType.HASH),
                        k -> k.attributeName("scan_seq").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("parcel_id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("scan_seq").attributeType(ScalarAttributeType.N))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        out.printf("created table %s (parcel_id, scan_seq) with a NEW_AND_OLD_IMAGES stream%n", TABLE);
    }

    private int writeScans(int parcels) {
        List<WriteRequest> batch = new ArrayList<>(25);
        int written = 0;
        for (int parcel = 0; parcel < parcels; parcel++) {
            for (int seq = 0; seq < SCANS_PER_PARCEL; seq++) {
                Map<String, AttributeValue> item = ParcelScan.of(parcel, seq, SCANS_PER_PARCEL).toItem();
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                written++;
                if (batch.size() == 25) {
                    flush(batch);
                }
            }
        }
        flush(batch);
        return written;
    }

    private void flush(List<WriteRequest> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, List<WriteRequest>> pending = Map.of(TABLE, List.copyOf(batch));
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> toSend = pending;
            pending = client.batchWriteItem(b -> b.requestItems(toSend)).unprocessedItems();
        }
        batch.clear();
    }

    /** Sets {@code status = delivered} on each parcel's last scan, only if not delivered yet. */
    private int markDelivered(int parcels) {
        int delivered = 0;
        for (int parcel = 0; parcel < parcels; parcel++) {
            if (deliver(parcel)) {
                delivered++;
            }
        }
        if (deliver(0)) {
            throw new IllegalStateException("a parcel was delivered twice: the condition did not hold");
        }
        return delivered;
    }

    private boolean deliver(int parcel) {
        try {
            client.updateItem(b -> b.tableName(TABLE)
                    .key(Map.of("parcel_id", AttributeValue.fromS(String.format("P%06d", parcel)),
                            "scan_seq", AttributeValue.fromN(Integer.toString(SCANS_PER_PARCEL - 1))))
                    .updateExpression("SET #s = :delivered")
                    .conditionExpression("attribute_exists(parcel_id) AND attribute_not_exists(#s)")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":delivered", AttributeValue.fromS("delivered"))));
            return true;
        } catch (ConditionalCheckFailedException alreadyDelivered) {
            return false;
        }
    }

    private int deleteFirstScanOfEveryTenthParcel(int parcels) {
        int deleted = 0;
        for (int parcel = 0; parcel < parcels; parcel += 10) {
            String id = String.format("P%06d", parcel);
            client.deleteItem(b -> b.tableName(TABLE).key(Map.of("parcel_id", AttributeValue.fromS(id),
                    "scan_seq", AttributeValue.fromN("0"))));
            deleted++;
        }
        return deleted;
    }

    private int countByQuery(int parcels) {
        int count = 0;
        for (int parcel = 0; parcel < parcels; parcel++) {
            String id = String.format("P%06d", parcel);
            count += client.queryPaginator(b -> b.tableName(TABLE)
                            .keyConditionExpression("parcel_id = :p AND scan_seq >= :zero")
                            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(id),
                                    ":zero", AttributeValue.fromN("0"))))
                    .stream().mapToInt(page -> page.count()).sum();
        }
        return count;
    }
}
