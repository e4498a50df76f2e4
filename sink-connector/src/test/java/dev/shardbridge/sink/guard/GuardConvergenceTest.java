package dev.shardbridge.sink.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.sink.Changes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The guard against a real DynamoDB-compatible server through the AWS SDK: whatever order and how
 * often changes arrive, the target ends in the state of applying them once, in sequence order.
 */
class GuardConvergenceTest {

    // 21 and 22 digits: text order and numeric order disagree across this boundary.
    private static final String SEQ_1 = "999999999999999999998";
    private static final String SEQ_2 = "999999999999999999999";
    private static final String SEQ_3 = "1000000000000000000000";
    private static final String SEQ_4 = "1000000000000000000001";
    private static final AtomicInteger TABLES = new AtomicInteger();

    private static StoreEmulator emulator;
    private static DynamoDbClient client;

    private final GuardedRequests requests = new GuardedRequests("_shardbridge_pos", "_shardbridge_deleted");
    private String table;
    private GuardedWriter writer;

    @BeforeAll
    static void startEmulator() {
        emulator = StoreEmulator.start();
        client = DynamoDbClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterAll
    static void stopEmulator() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void createTable() {
        table = "replica" + TABLES.incrementAndGet();
        client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build()));
        writer = new GuardedWriter(client, requests);
    }

    @Test
    void everyOrderOfAHistoryEndingInAPutConvergesToTheLastPut() {
        List<ChangeEvent> history = List.of(put(Operation.CREATE, SEQ_1, 1), put(Operation.UPDATE, SEQ_2, 2),
                Changes.delete("x", SEQ_3), put(Operation.CREATE, SEQ_4, 4));

        assertEveryOrderConverges(history);
    }

    @Test
    void everyOrderOfAHistoryEndingInADeleteConvergesToTheDelete() {
        List<ChangeEvent> history = List.of(put(Operation.CREATE, SEQ_1, 1), put(Operation.UPDATE, SEQ_2, 2),
                put(Operation.UPDATE, SEQ_3, 3), Changes.delete("x", SEQ_4));

        assertEveryOrderConverges(history);
    }

    @Test
    void aLatePutNeverResurrectsADeletedItem() {
        assertThat(writer.apply(table, Changes.delete("x", SEQ_3))).isEqualTo(WriteOutcome.APPLIED);

        assertThat(writer.apply(table, put(Operation.UPDATE, SEQ_2, 2))).isEqualTo(WriteOutcome.ALREADY_APPLIED);
        assertThat(visibleItems()).isEmpty();
        assertThat(requests.isTombstone(rawItem("x"))).isTrue();
    }

    @Test
    void aReplayedChangeIsAlreadyAppliedNotAnError() {
        ChangeEvent change = put(Operation.CREATE, SEQ_1, 1);

        assertThat(writer.apply(table, change)).isEqualTo(WriteOutcome.APPLIED);
        assertThat(writer.apply(table, change)).isEqualTo(WriteOutcome.ALREADY_APPLIED);
        assertThat(rawItem("x")).containsEntry("n", AttributeValue.fromN("1"));
    }

    @Test
    void aPutNewerThanTheDeleteRecreatesTheItemWithoutTheTombstoneFlag() {
        writer.apply(table, Changes.delete("x", SEQ_2));

        assertThat(writer.apply(table, put(Operation.CREATE, SEQ_3, 3))).isEqualTo(WriteOutcome.APPLIED);
        assertThat(rawItem("x")).containsEntry("n", AttributeValue.fromN("3")).doesNotContainKey("_shardbridge_deleted");
    }

    @Test
    void shuffledRedeliveryOfManyKeysConvergesToSequentialApplication() {
        Random random = new Random(42);
        List<ChangeEvent> inOrder = new ArrayList<>();
        for (int seq = 1; seq <= 200; seq++) {
            String pk = "k" + random.nextInt(10);
            String sequenceNumber = String.valueOf(100_000_000_000_000_000L + seq) + "0";
            inOrder.add(random.nextInt(4) == 0 ? Changes.delete(pk, sequenceNumber)
                    : Changes.put(Operation.UPDATE, pk, sequenceNumber, seq));
        }
        String expectedTable = table;
        inOrder.forEach(change -> writer.apply(expectedTable, change));
        Map<String, Map<String, AttributeValue>> expected = rawItems();

        createTable();
        List<ChangeEvent> redelivered = new ArrayList<>(inOrder);
        redelivered.addAll(inOrder.subList(50, 120)); // a restart replays part of the log
        java.util.Collections.shuffle(redelivered, random);
        redelivered.forEach(change -> writer.apply(table, change));

        assertThat(rawItems()).isEqualTo(expected);
    }

    private void assertEveryOrderConverges(List<ChangeEvent> history) {
        Map<String, AttributeValue> expected = applyInSequenceOrder(history);
        for (List<ChangeEvent> order : permutations(history)) {
            createTable();
            order.forEach(change -> writer.apply(table, change));
            // A duplicate of every change afterwards must not move the item.
            order.forEach(change -> assertThat(writer.apply(table, change)).isEqualTo(WriteOutcome.ALREADY_APPLIED));
            assertThat(rawItem("x")).as("order %s", sequenceNumbers(order)).isEqualTo(expected);
        }
    }

    private Map<String, AttributeValue> applyInSequenceOrder(List<ChangeEvent> history) {
        createTable();
        history.forEach(change -> assertThat(writer.apply(table, change)).isEqualTo(WriteOutcome.APPLIED));
        return rawItem("x");
    }

    private static List<List<ChangeEvent>> permutations(List<ChangeEvent> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<ChangeEvent>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<ChangeEvent> rest = new ArrayList<>(items);
            ChangeEvent first = rest.remove(i);
            for (List<ChangeEvent> tail : permutations(rest)) {
                List<ChangeEvent> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }

    private static ChangeEvent put(Operation op, String sequenceNumber, int n) {
        return Changes.put(op, "x", sequenceNumber, n);
    }

    private static String sequenceNumbers(List<ChangeEvent> order) {
        return order.stream().map(c -> c.op().code() + c.source().sequenceNumber()).collect(Collectors.joining(","));
    }

    private Map<String, AttributeValue> rawItem(String pk) {
        return client.getItem(b -> b.tableName(table).key(Changes.key(pk)).consistentRead(true)).item();
    }

    private Map<String, Map<String, AttributeValue>> rawItems() {
        return client.scan(b -> b.tableName(table)).items().stream()
                .collect(Collectors.toMap(item -> item.get("pk").s(), item -> item));
    }

    private List<Map<String, AttributeValue>> visibleItems() {
        return client.scan(b -> b.tableName(table)).items().stream()
                .filter(item -> !requests.isTombstone(item)).toList();
    }
}
