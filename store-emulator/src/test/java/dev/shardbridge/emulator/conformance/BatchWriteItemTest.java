package dev.shardbridge.emulator.conformance;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertAwsError;
import static dev.shardbridge.emulator.conformance.AwsErrors.assertValidationError;
import static dev.shardbridge.emulator.conformance.Values.item;
import static dev.shardbridge.emulator.conformance.Values.n;
import static dev.shardbridge.emulator.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchWriteItemTest {
    @RegisterExtension
    static final EmulatorFixture emulator = new EmulatorFixture();

    private final DynamoDbClient dynamo = emulator.client();

    @Test
    void putsAndDeletesAcrossTables() {
        String left = emulator.createHashTable(ScalarAttributeType.S);
        String right = emulator.createCompositeTable(ScalarAttributeType.N, ScalarAttributeType.S);
        dynamo.putItem(b -> b.tableName(left).item(item("pk", s("old"))));

        BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(
                left, List.of(put(item("pk", s("a"), "v", n(1))), delete(item("pk", s("old"))),
                        delete(item("pk", s("never")))),
                right, List.of(put(item("pk", n(1), "sk", s("x")))))));

        assertThat(response.unprocessedItems()).isEmpty();
        assertThat(dynamo.scan(b -> b.tableName(left)).items()).containsExactly(item("pk", s("a"), "v", n(1)));
        assertThat(dynamo.scan(b -> b.tableName(right)).items()).containsExactly(item("pk", n(1), "sk", s("x")));
    }

    @Test
    void acceptsTwentyFiveRequestsAndNoMore() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, puts(0, 25))));
        assertThat(dynamo.scan(b -> b.tableName(table).select("COUNT")).count()).isEqualTo(25);

        assertValidationError(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, puts(100, 126)))),
                "1 validation error detected: Value '{...}' at 'requestItems' failed to satisfy "
                        + "constraint: Map value must satisfy constraint: [Member must have length less than or equal "
                        + "to 25, Member must have length greater than or equal to 1]");
        assertThat(dynamo.scan(b -> b.tableName(table).select("COUNT")).count()).isEqualTo(25);
    }

    @Test
    void twoRequestsForOneKeyAreRejectedAndNothingIsWritten() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        assertValidationError(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table,
                        List.of(put(item("pk", s("other"))), put(item("pk", s("a"))), delete(item("pk", s("a"))))))),
                "Provided list of item keys contains duplicates");
        assertThat(dynamo.scan(b -> b.tableName(table)).items()).isEmpty();
    }

    @Test
    void anInvalidItemRejectsTheWholeBatch() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        assertValidationError(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table,
                        List.of(put(item("pk", s("good"))), put(item("pk", n(1))))))),
                "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");
        assertValidationError(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table,
                        List.of(put(item("pk", s("good"))),
                                put(item("pk", s("big"), "v", s("x".repeat(400 * 1024)))))))),
                "Item size has exceeded the maximum allowed size");
        assertThat(dynamo.scan(b -> b.tableName(table)).items()).isEmpty();
    }

    @Test
    void theLargestBatchOfTwentyFiveFullSizeItemsIsWritten() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        // 25 items of 400 KB each, names included: about 10 MB, within the 16 MB a request may carry.
        List<WriteRequest> requests = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String pk = String.format("%02d", i);
            requests.add(put(item("pk", s(pk), "payload", s("p".repeat(400 * 1024 - "pk".length() - pk.length()
                    - "payload".length())))));
        }

        BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, requests))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

        assertThat(response.unprocessedItems()).isEmpty();
        assertThat(response.consumedCapacity()).singleElement().satisfies(capacity ->
                assertThat(capacity.capacityUnits()).isEqualTo(25 * 400.0));
        assertThat(dynamo.describeTable(b -> b.tableName(table)).table().itemCount()).isEqualTo(25);
    }

    @Test
    void aMissingTableRejectsTheWholeBatch() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        assertAwsError(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(put(item("pk", s("a")))),
                        "never_created", List.of(put(item("pk", s("a"))))))),
                ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found");
        assertThat(dynamo.scan(b -> b.tableName(table)).items()).isEmpty();
    }

    private static List<WriteRequest> puts(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> put(item("pk", s("item-" + i)))).toList();
    }

    static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(d -> d.key(key)).build();
    }
}
