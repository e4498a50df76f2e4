package dev.shardbridge.emulator.conformance;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertValidationError;
import static dev.shardbridge.emulator.conformance.Values.bool;
import static dev.shardbridge.emulator.conformance.Values.item;
import static dev.shardbridge.emulator.conformance.Values.n;
import static dev.shardbridge.emulator.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryTest {
    @RegisterExtension
    static final EmulatorFixture emulator = new EmulatorFixture();

    /** Partition "p" holds sort keys 1..10, partition "q" holds 1; names are s1..s10 by sort key. */
    private static String numbers;
    /** Partition "p" holds string sort keys, in the order DynamoDB sorts them (UTF-8 bytes). */
    private static String strings;
    private static final List<String> STRING_KEYS = List.of("A", "a", "a#1", "a#2", "ab", "b", "b#1", "é");

    private final DynamoDbClient dynamo = emulator.client();

    @BeforeAll
    static void storeItems() {
        DynamoDbClient dynamo = emulator.client();
        numbers = emulator.createCompositeTable(ScalarAttributeType.S, ScalarAttributeType.N);
        for (int i = 1; i <= 10; i++) {
            int sk = i;
            dynamo.putItem(b -> b.tableName(numbers).item(item("pk", s("p"), "sk", n(sk), "name", s("s" + sk),
                    "even", bool(sk % 2 == 0))));
        }
        dynamo.putItem(b -> b.tableName(numbers).item(item("pk", s("q"), "sk", n(1))));
        strings = emulator.createCompositeTable(ScalarAttributeType.S, ScalarAttributeType.S);
        for (String sk : List.of("b#1", "a", "é", "ab", "A", "a#2", "b", "a#1")) {
            dynamo.putItem(b -> b.tableName(strings).item(item("pk", s("p"), "sk", s(sk))));
        }
    }

    @Test
    void answersOnePartitionInSortKeyOrder() {
        assertThat(numberKeys(query(numbers, "pk = :p", Map.of(":p", s("p")), b -> b)))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(numberKeys(query(numbers, "pk = :p", Map.of(":p", s("q")), b -> b))).containsExactly(1);
        assertThat(query(numbers, "pk = :p", Map.of(":p", s("nobody")), b -> b).count()).isZero();
    }

    @Test
    void scanIndexForwardFalseReversesTheOrder() {
        assertThat(numberKeys(query(numbers, "pk = :p", Map.of(":p", s("p")), b -> b.scanIndexForward(false))))
                .containsExactly(10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
    }

    @Test
    void everySortKeyComparisonSelectsItsRange() {
        Map<String, AttributeValue> five = Map.of(":p", s("p"), ":v", n(5));
        assertThat(numberKeys(query(numbers, "pk = :p AND sk = :v", five, b -> b))).containsExactly(5);
        assertThat(numberKeys(query(numbers, "pk = :p AND sk < :v", five, b -> b))).containsExactly(1, 2, 3, 4);
        assertThat(numberKeys(query(numbers, "pk = :p AND sk <= :v", five, b -> b))).containsExactly(1, 2, 3, 4, 5);
        assertThat(numberKeys(query(numbers, "pk = :p AND sk > :v", five, b -> b))).containsExactly(6, 7, 8, 9, 10);
        assertThat(numberKeys(query(numbers, "pk = :p AND sk >= :v", five, b -> b)))
                .containsExactly(5, 6, 7, 8, 9, 10);
        assertThat(numberKeys(query(numbers, "pk = :p AND sk BETWEEN :lo AND :hi",
                Map.of(":p", s("p"), ":lo", n(3), ":hi", n("7.0")), b -> b))).containsExactly(3, 4, 5, 6, 7);
        assertThat(numberKeys(query(numbers, "#k = :p AND #s > :v", five,
                b -> b.expressionAttributeNames(Map.of("#k", "pk", "#s", "sk"))))).containsExactly(6, 7, 8, 9, 10);
    }

    @Test
    void stringSortKeysCompareByUtf8BytesAndMatchPrefixes() {
        assertThat(stringKeys(query(strings, "pk = :p", Map.of(":p", s("p")), b -> b))).isEqualTo(STRING_KEYS);
        assertThat(stringKeys(query(strings, "pk = :p AND begins_with(sk, :pre)",
                Map.of(":p", s("p"), ":pre", s("a")), b -> b))).containsExactly("a", "a#1", "a#2", "ab");
        assertThat(stringKeys(query(strings, "pk = :p AND begins_with(sk, :pre)",
                Map.of(":p", s("p"), ":pre", s("a#")), b -> b.scanIndexForward(false)))).containsExactly("a#2", "a#1");
        assertThat(stringKeys(query(strings, "pk = :p AND sk BETWEEN :lo AND :hi",
                Map.of(":p", s("p"), ":lo", s("a#1"), ":hi", s("b")), b -> b)))
                .containsExactly("a#1", "a#2", "ab", "b");
    }

    @Test
    void limitPagesThroughThePartitionWithLastEvaluatedKey() {
        List<List<Integer>> pages = new ArrayList<>();
        List<Map<String, AttributeValue>> lastKeys = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = query(numbers, "pk = :p", Map.of(":p", s("p")),
                    b -> b.limit(4).exclusiveStartKey(from));
            pages.add(numberKeys(page));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            lastKeys.add(start);
        } while (start != null);

        assertThat(pages).containsExactly(List.of(1, 2, 3, 4), List.of(5, 6, 7, 8), List.of(9, 10));
        assertThat(lastKeys.get(0)).isEqualTo(item("pk", s("p"), "sk", n(4)));
        assertThat(lastKeys.get(1)).isEqualTo(item("pk", s("p"), "sk", n(8)));
    }

    @Test
    void aPageThatEndsExactlyAtTheLimitStillAnswersLastEvaluatedKey() {
        QueryResponse full = query(numbers, "pk = :p", Map.of(":p", s("p")), b -> b.limit(10));
        QueryResponse after = query(numbers, "pk = :p", Map.of(":p", s("p")),
                b -> b.limit(10).exclusiveStartKey(full.lastEvaluatedKey()));

        assertThat(full.lastEvaluatedKey()).isEqualTo(item("pk", s("p"), "sk", n(10)));
        assertThat(after.count()).isZero();
        assertThat(after.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void theFilterRunsAfterTheLimitAndOnlyReducesCount() {
        Map<String, AttributeValue> values = Map.of(":p", s("p"), ":t", bool(true));

        QueryResponse filtered = query(numbers, "pk = :p", values, b -> b.filterExpression("even = :t"));
        QueryResponse limited = query(numbers, "pk = :p", values, b -> b.filterExpression("even = :t").limit(5));

        assertThat(numberKeys(filtered)).containsExactly(2, 4, 6, 8, 10);
        assertThat(filtered.scannedCount()).isEqualTo(10);
        assertThat(numberKeys(limited)).containsExactly(2, 4);
        assertThat(limited.scannedCount()).isEqualTo(5);
        assertThat(limited.lastEvaluatedKey()).isEqualTo(item("pk", s("p"), "sk", n(5)));
    }

    @Test
    void selectCountAndProjectionsShapeTheAnswer() {
        QueryResponse counted = query(numbers, "pk = :p", Map.of(":p", s("p")), b -> b.select(Select.COUNT));
        QueryResponse projected = query(numbers, "pk = :p AND sk < :v", Map.of(":p", s("p"), ":v", n(3)),
                b -> b.projectionExpression("#n").expressionAttributeNames(Map.of("#n", "name")));

        assertThat(counted.count()).isEqualTo(10);
        assertThat(counted.hasItems()).isFalse();
        assertThat(projected.items()).containsExactly(item("name", s("s1")), item("name", s("s2")));
    }

    @Test
    void aPageEndsWithTheItemThatTakesItPastOneMegabyte() {
        String table = emulator.createCompositeTable(ScalarAttributeType.S, ScalarAttributeType.N);
        for (int i = 0; i < 15; i++) {
            int sk = i;
            // "pk" + "p" (3 bytes), "sk" + a one- or two-digit number (2 + 2), "payload" (7): 100 KB in all.
            dynamo.putItem(b -> b.tableName(table).item(item("pk", s("p"), "sk", n(sk),
                    "payload", s("x".repeat(100 * 1024 - 3 - 4 - 7)))));
        }

        QueryResponse first = query(table, "pk = :p", Map.of(":p", s("p")), b -> b);
        QueryResponse second = query(table, "pk = :p", Map.of(":p", s("p")),
                b -> b.exclusiveStartKey(first.lastEvaluatedKey()));

        // Ten items of 100 KB stay below 1 MB (1024 KB); the eleventh takes the page past it and ends it.
        assertThat(first.count()).isEqualTo(11);
        assertThat(first.lastEvaluatedKey()).isEqualTo(item("pk", s("p"), "sk", n(10)));
        assertThat(second.count()).isEqualTo(4);
        assertThat(second.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void theKeyConditionMustNameThePartitionKeyWithItsType() {
        assertValidationError(() -> query(numbers, "sk = :v", Map.of(":v", n(1)), b -> b),
                "Query condition missed key schema element: pk");
        assertValidationError(() -> query(numbers, "pk = :p", Map.of(":p", n(1)), b -> b),
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertValidationError(() -> dynamo.query(b -> b.tableName(numbers)),
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }

    private QueryResponse query(String table, String condition, Map<String, AttributeValue> values,
                                UnaryOperator<QueryRequest.Builder> options) {
        return dynamo.query(options.apply(QueryRequest.builder().tableName(table).keyConditionExpression(condition)
                .expressionAttributeValues(new HashMap<>(values))).build());
    }

    private static List<Integer> numberKeys(QueryResponse response) {
        return response.items().stream().map(item -> Integer.parseInt(item.get("sk").n())).toList();
    }

    private static List<String> stringKeys(QueryResponse response) {
        return response.items().stream().map(item -> item.get("sk").s()).toList();
    }
}
