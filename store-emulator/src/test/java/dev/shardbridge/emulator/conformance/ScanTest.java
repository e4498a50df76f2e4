package dev.shardbridge.emulator.conformance;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertValidationError;
import static dev.shardbridge.emulator.conformance.Values.item;
import static dev.shardbridge.emulator.conformance.Values.m;
import static dev.shardbridge.emulator.conformance.Values.n;
import static dev.shardbridge.emulator.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class ScanTest {
    @RegisterExtension
    static final EmulatorFixture emulator = new EmulatorFixture();

    private static final int ITEMS = 200;
    private static String table;

    private final DynamoDbClient dynamo = emulator.client();

    @BeforeAll
    static void storeItems() {
        table = emulator.createCompositeTable(ScalarAttributeType.S, ScalarAttributeType.N);
        for (int first = 0; first < ITEMS; first += 25) {
            int from = first;
            emulator.client().batchWriteItem(b -> b.requestItems(Map.of(table, IntStream.range(from, from + 25)
                    .mapToObj(i -> BatchWriteItemTest.put(item("pk", s("p" + i % 37), "sk", n(i), "group", n(i % 4),
                            "detail", m(item("i", n(i), "label", s("item " + i))))))
                    .toList())));
        }
    }

    @Test
    void readsEveryItemOnce() {
        ScanResponse all = dynamo.scan(b -> b.tableName(table));

        assertThat(all.count()).isEqualTo(ITEMS);
        assertThat(all.scannedCount()).isEqualTo(ITEMS);
        assertThat(all.hasLastEvaluatedKey()).isFalse();
        assertThat(ids(all.items())).hasSize(ITEMS).containsExactlyInAnyOrderElementsOf(allIds());
    }

    @Test
    void limitPagesThroughTheTableInAStableOrder() {
        List<Map<String, AttributeValue>> unpaged = dynamo.scan(b -> b.tableName(table)).items();

        List<Map<String, AttributeValue>> paged = new ArrayList<>();
        int pages = scanAllPages(b -> b.limit(30), paged::addAll);

        assertThat(paged).isEqualTo(unpaged);
        assertThat(pages).isEqualTo(7);
    }

    @Test
    void theFilterCountsWhatMatchesAndTheProjectionShapesIt() {
        ScanResponse filtered = dynamo.scan(b -> b.tableName(table).filterExpression("#g = :g AND detail.i < :max")
                .expressionAttributeNames(Map.of("#g", "group")).expressionAttributeValues(Map.of(":g", n(1),
                        ":max", n(50)))
                .projectionExpression("sk, detail.label"));

        assertThat(filtered.scannedCount()).isEqualTo(ITEMS);
        assertThat(filtered.count()).isEqualTo(13);
        assertThat(filtered.items()).allSatisfy(found -> assertThat(found.keySet())
                .containsExactlyInAnyOrder("sk", "detail"));
        assertThat(filtered.items()).contains(item("sk", n(49), "detail", m(item("label", s("item 49")))));
    }

    @Test
    void selectCountAnswersOnlyTheCount() {
        ScanResponse counted = dynamo.scan(b -> b.tableName(table).select(Select.COUNT));

        assertThat(counted.count()).isEqualTo(ITEMS);
        assertThat(counted.hasItems()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7, 16})
    void parallelSegmentsCoverEveryItemExactlyOnce(int totalSegments) {
        List<Integer> seen = new ArrayList<>();
        for (int segment = 0; segment < totalSegments; segment++) {
            int current = segment;
            scanAllPages(b -> b.segment(current).totalSegments(totalSegments).limit(9),
                    page -> seen.addAll(ids(page)));
        }

        assertThat(seen).hasSize(ITEMS);
        assertThat(new HashSet<>(seen)).isEqualTo(allIds());
    }

    @Test
    void segmentParametersAreValidated() {
        assertValidationError(() -> dynamo.scan(b -> b.tableName(table).segment(0)),
                "The TotalSegments parameter is required but was not present in the request when Segment parameter "
                        + "is present");
        assertValidationError(() -> dynamo.scan(b -> b.tableName(table).totalSegments(2)),
                "The Segment parameter is required but was not present in the request when parameter TotalSegments "
                        + "is present");
        assertValidationError(() -> dynamo.scan(b -> b.tableName(table).segment(2).totalSegments(2)),
                "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not "
                        + "less than TotalSegments: 2");
        assertValidationError(() -> dynamo.scan(b -> b.tableName(table).segment(0).totalSegments(1000001)),
                "1 validation error detected: Value '1000001' at 'totalSegments' failed to satisfy constraint: Member "
                        + "must have value less than or equal to 1000000");
    }

    @Test
    void aPageEndsWithTheItemThatTakesItPastOneMegabyte() {
        String big = emulator.createHashTable(ScalarAttributeType.S);
        for (int i = 0; i < 24; i++) {
            // "pk" + "k00" (5 bytes) and "payload" (7): 100 KB in all.
            Map<String, AttributeValue> item = item("pk", s(String.format("k%02d", i)),
                    "payload", s("x".repeat(100 * 1024 - 5 - 7)));
            dynamo.putItem(b -> b.tableName(big).item(item));
        }

        List<Integer> pageCounts = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(b -> b.tableName(big).exclusiveStartKey(from));
            pageCounts.add(page.count());
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);

        assertThat(pageCounts).containsExactly(11, 11, 2);
    }

    private int scanAllPages(UnaryOperator<ScanRequest.Builder> options,
                             Consumer<List<Map<String, AttributeValue>>> pageConsumer) {
        int pages = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(options.apply(ScanRequest.builder().tableName(table)
                    .exclusiveStartKey(from)).build());
            pageConsumer.accept(page.items());
            pages++;
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return pages;
    }

    private static List<Integer> ids(List<Map<String, AttributeValue>> items) {
        return items.stream().map(found -> Integer.parseInt(found.get("sk").n())).toList();
    }

    private static Set<Integer> allIds() {
        Set<Integer> ids = new HashSet<>();
        IntStream.range(0, ITEMS).forEach(ids::add);
        return ids;
    }
}
