package dev.shardbridge.emulator.conformance;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertValidationError;
import static dev.shardbridge.emulator.conformance.Values.item;
import static dev.shardbridge.emulator.conformance.Values.n;
import static dev.shardbridge.emulator.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class BatchGetItemTest {
    @RegisterExtension
    static final EmulatorFixture emulator = new EmulatorFixture();

    private final DynamoDbClient dynamo = emulator.client();

    @Test
    void readsKeysFromSeveralTablesAndLeavesOutMissingItems() {
        String left = emulator.createHashTable(ScalarAttributeType.S);
        String right = emulator.createCompositeTable(ScalarAttributeType.S, ScalarAttributeType.N);
        dynamo.putItem(b -> b.tableName(left).item(item("pk", s("a"), "v", n(1))));
        dynamo.putItem(b -> b.tableName(right).item(item("pk", s("a"), "sk", n(1), "v", n(2))));

        BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(Map.of(
                left, KeysAndAttributes.builder().keys(item("pk", s("a")), item("pk", s("missing"))).build(),
                right, KeysAndAttributes.builder().keys(item("pk", s("a"), "sk", n(1))).consistentRead(true).build())));

        assertThat(response.responses().get(left)).containsExactly(item("pk", s("a"), "v", n(1)));
        assertThat(response.responses().get(right)).containsExactly(item("pk", s("a"), "sk", n(1), "v", n(2)));
        assertThat(response.unprocessedKeys()).isEmpty();
    }

    @Test
    void projectsEachTablesItems() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "v", n(1), "w", n(2))));

        BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes
                .builder().keys(item("pk", s("a"))).projectionExpression("#w")
                .expressionAttributeNames(Map.of("#w", "w"))
                .build())));

        assertThat(response.responses().get(table)).containsExactly(item("w", n(2)));
    }

    @Test
    void acceptsOneHundredKeysAndNoMore() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        assertThat(dynamo.batchGetItem(b -> b.requestItems(Map.of(table, keys(100)))).responses().get(table))
                .isEmpty();
        assertValidationError(() -> dynamo.batchGetItem(b -> b.requestItems(Map.of(table, keys(101)))),
                "Too many items requested for the BatchGetItem call");
    }

    @Test
    void duplicateKeysAreRejected() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        assertValidationError(() -> dynamo.batchGetItem(b -> b.requestItems(Map.of(table,
                        KeysAndAttributes.builder().keys(item("pk", s("a")), item("pk", s("a"))).build()))),
                "Provided list of item keys contains duplicates");
    }

    @Test
    void aResponseHoldsAtMost16MbAndTheRestComesBackAsUnprocessedKeys() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        int items = 50;
        String payload = "x".repeat(390 * 1024);
        for (int i = 0; i < items; i += 10) {
            int first = i;
            dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, IntStream.range(first, first + 10)
                    .mapToObj(k -> BatchWriteItemTest.put(item("pk", s("k" + k), "payload", s(payload)))).toList())));
        }

        Map<String, KeysAndAttributes> request = Map.of(table, keys(items));
        List<Integer> pageSizes = new ArrayList<>();
        Map<String, Map<String, AttributeValue>> seen = new HashMap<>();
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> current = request;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(current));
            List<Map<String, AttributeValue>> page = response.responses().get(table);
            pageSizes.add(page.size());
            page.forEach(found -> seen.put(found.get("pk").s(), found));
            request = response.unprocessedKeys();
        }

        // 16 MB holds 42 items of 390 KB (plus their key and names): the rest needs a second call.
        assertThat(pageSizes).containsExactly(42, 8);
        assertThat(seen).hasSize(items);
    }

    private static KeysAndAttributes keys(int count) {
        return KeysAndAttributes.builder()
                .keys(IntStream.range(0, count).mapToObj(i -> item("pk", s("k" + i))).toList()).build();
    }
}
