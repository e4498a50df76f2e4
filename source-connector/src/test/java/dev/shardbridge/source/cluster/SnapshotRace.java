package dev.shardbridge.source.cluster;

import dev.shardbridge.event.Operation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table of existing items whose snapshot is raced by writes to the same keys, and the checks of what the
 * change topic must then hold, on whichever store the test runs. Existing items are version 0 of
 * {@code k-0 .. k-(n-1)}; the writes are {@link KeyedWrites} on the first {@code hotKeys} of them.
 */
final class SnapshotRace {

    private SnapshotRace() {
    }

    /** Writes {@code count} items of version 0 with BatchWriteItem, the shape {@link KeyedWrites} writes. */
    static void seed(DynamoDbClient dynamoDb, String table, int count) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    "id", AttributeValue.fromS("k-" + i), "v", AttributeValue.fromN("0"),
                    "payload", AttributeValue.fromS("x".repeat(200)))).build()).build());
            if (batch.size() == 25 || i == count - 1) {
                List<WriteRequest> items = List.copyOf(batch);
                var response = dynamoDb.batchWriteItem(request -> request.requestItems(Map.of(table, items)));
                assertThat(response.unprocessedItems()).isEmpty();
                batch.clear();
            }
        }
    }

    /** Puts, overwrites and deletes of the hot keys, paced so they fall while the scan reads them; waits for them. */
    static KeyedWrites race(DynamoDbClient dynamoDb, String table, int hotKeys, int count) throws Exception {
        KeyedWrites writes = new KeyedWrites(dynamoDb, table, hotKeys, 5);
        CompletableFuture.runAsync(() -> {
            for (int i = 0; i < count; i++) {
                writes.next();
                if (i % 8 == 0) {
                    SourceConnectorClusterIT.sleepMillis(10);
                }
            }
        }).get(3, TimeUnit.MINUTES);
        return writes;
    }

    /** Per key, the label its last record must carry: the last write, or version 0 for keys no write touched. */
    static Map<String, String> finalLabels(int seeded, KeyedWrites writes) {
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < seeded; i++) {
            labels.put(Map.of("id", AttributeValue.fromS("k-" + i)).toString(), "put:0");
        }
        writes.expected().forEach((key, changes) -> labels.put(key, changes.get(changes.size() - 1)));
        return labels;
    }

    static Predicate<List<ChangeTopic.Delivered>> lastLabelsAre(Map<String, String> expected) {
        return delivered -> {
            Map<String, String> last = new HashMap<>();
            labelsPerKey(delivered).forEach((key, labels) -> last.put(key, labels.get(labels.size() - 1)));
            return last.equals(expected);
        };
    }

    /** Along each key's records in Kafka, no older value after a newer one and no deleted version coming back. */
    static void assertNoRegression(List<ChangeTopic.Delivered> delivered) {
        labelsPerKey(delivered).forEach((key, labels) -> assertThat(ranks(labels))
                .as("versions of %s along Kafka: %s", key, labels).isSorted());
        SourceConnectorClusterIT.assertTombstonesFollowDeletes(delivered);
    }

    /** How many keys arrived at least once as a snapshot read. */
    static long keysScanned(List<ChangeTopic.Delivered> delivered) {
        return delivered.stream().filter(d -> d.event() != null && d.event().op() == Operation.READ)
                .map(ChangeTopic.Delivered::key).distinct().count();
    }

    static Map<String, List<String>> labelsPerKey(List<ChangeTopic.Delivered> delivered) {
        Map<String, List<String>> perKey = new HashMap<>();
        delivered.stream().filter(record -> record.event() != null).forEach(record -> perKey
                .computeIfAbsent(record.key(), k -> new ArrayList<>()).add(KeyedWrites.label(record.event())));
        return perKey;
    }

    /**
     * A total order of one key's states: version v put ranks 2v, its delete 2v+1. A repeat is equal; an older
     * value after a newer one, or the deleted version coming back, ranks lower.
     */
    private static List<Integer> ranks(List<String> labels) {
        return labels.stream().map(label -> {
            int v = Integer.parseInt(label.substring(label.indexOf(':') + 1));
            return label.startsWith("del:") ? 2 * v + 1 : 2 * v;
        }).toList();
    }
}
