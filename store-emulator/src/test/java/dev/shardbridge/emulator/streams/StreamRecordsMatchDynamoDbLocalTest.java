package dev.shardbridge.emulator.streams;

import dev.shardbridge.emulator.testing.SdkClients;
import static dev.shardbridge.emulator.conformance.Values.b;
import static dev.shardbridge.emulator.conformance.Values.bool;
import static dev.shardbridge.emulator.conformance.Values.bs;
import static dev.shardbridge.emulator.conformance.Values.item;
import static dev.shardbridge.emulator.conformance.Values.l;
import static dev.shardbridge.emulator.conformance.Values.m;
import static dev.shardbridge.emulator.conformance.Values.n;
import static dev.shardbridge.emulator.conformance.Values.ns;
import static dev.shardbridge.emulator.conformance.Values.nul;
import static dev.shardbridge.emulator.conformance.Values.s;
import static dev.shardbridge.emulator.conformance.Values.sortedSets;
import static dev.shardbridge.emulator.conformance.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shardbridge.emulator.differential.DynamoDbLocalServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The same writes against the emulator (four shards) and AWS's DynamoDB Local 2.6.1 (one shard) give
 * the same stream records for every key, in the same order: event names, keys, images, view type and
 * size. Shard ids, sequence numbers, event ids, regions and timestamps differ by design.
 */
class StreamRecordsMatchDynamoDbLocalTest {
    private static StreamsEmulator emulator;
    private static DynamoDbLocalServer dynamoDbLocal;
    private static SdkClients localClients;

    /** What a record says about the change, without what legitimately differs between servers. */
    record Change(String eventName, Map<String, AttributeValue> keys, Map<String, AttributeValue> newImage,
                  Map<String, AttributeValue> oldImage, StreamViewType viewType, long sizeBytes) {

        static Change of(Record record) {
            var data = record.dynamodb();
            return new Change(record.eventNameAsString(), data.keys(),
                    data.hasNewImage() ? sortedSets(data.newImage()) : null,
                    data.hasOldImage() ? sortedSets(data.oldImage()) : null, data.streamViewType(), data.sizeBytes());
        }
    }

    @BeforeAll
    static void start() {
        emulator = StreamsEmulator.start();
        dynamoDbLocal = DynamoDbLocalServer.start();
        localClients = SdkClients.of(dynamoDbLocal.endpoint());
    }

    @AfterAll
    static void stop() throws Exception {
        if (localClients != null) {
            localClients.close();
            dynamoDbLocal.close();
        }
        emulator.close();
    }

    @ParameterizedTest
    @EnumSource(value = StreamViewType.class, names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void everyKeysChangesMatchDynamoDbLocal(StreamViewType view) {
        String table = "differential-" + view.toString().toLowerCase().replace('_', '-');

        Map<String, List<Change>> ours = changesByKey(emulator.clients(), table, view);
        Map<String, List<Change>> theirs = changesByKey(localClients, table, view);

        assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(theirs.keySet());
        theirs.forEach((key, changes) -> assertThat(ours.get(key)).as(key).isEqualTo(changes));
        assertThat(ours.values().stream().mapToInt(List::size).sum()).as("records in all").isEqualTo(9);
    }

    /** Runs the writes on one server and reads back its whole stream, grouped by item key in read order. */
    private static Map<String, List<Change>> changesByKey(SdkClients clients, String name, StreamViewType view) {
        TestTable table = TestTable.createWithSortKey(clients, name, view);
        write(clients.tables(), table);
        Map<String, List<Change>> changes = new LinkedHashMap<>();
        for (Record record : new StreamReader(clients.streams()).readAll(table.streamArn())) {
            Map<String, AttributeValue> keys = record.dynamodb().keys();
            changes.computeIfAbsent(keys.get("pk").s() + "/" + keys.get("sk").n(), k -> new ArrayList<>())
                    .add(Change.of(record));
        }
        return changes;
    }

    /**
     * Every kind of write, including the no-ops that must leave no record. Numbers are integers: for
     * fractions and zero the emulator's item size is one byte off DynamoDB Local's (see the streams doc).
     */
    private static void write(DynamoDbClient client, TestTable table) {
        String name = table.name();
        Map<String, AttributeValue> first = key("first");
        client.putItem(b -> b.tableName(name).item(with(first, "text", s("a"), "count", n(1))));
        client.putItem(b -> b.tableName(name).item(with(first, "text", s("a"), "count", n(1))));
        client.updateItem(b -> b.tableName(name).key(first).updateExpression("SET #t = :t ADD #c :one")
                .expressionAttributeNames(Map.of("#t", "text", "#c", "count"))
                .expressionAttributeValues(Map.of(":t", s("b"), ":one", n(1))));
        client.updateItem(b -> b.tableName(name).key(first).updateExpression("SET #t = :t")
                .expressionAttributeNames(Map.of("#t", "text")).expressionAttributeValues(Map.of(":t", s("b"))));

        Map<String, AttributeValue> typed = with(key("typed"), "binary", b((byte) 1, (byte) 2), "flag", bool(true),
                "nothing", nul(), "list", l(s("x"), n(2)), "map", m(item("inner", s("y"))),
                "strings", ss("p", "q"), "numbers", ns("3", "17"), "binaries", bs(new byte[] {9}, new byte[] {8}),
                "big", n("12345678901234567890123456789012345678"));
        Map<String, AttributeValue> third = with(key("third"), "v", n(1));
        client.batchWriteItem(b -> b.requestItems(Map.of(name, List.of(
                WriteRequest.builder().putRequest(p -> p.item(typed)).build(),
                WriteRequest.builder().putRequest(p -> p.item(third)).build(),
                WriteRequest.builder().deleteRequest(d -> d.key(key("never-written"))).build()))));
        client.deleteItem(b -> b.tableName(name).key(key("typed")));
        client.deleteItem(b -> b.tableName(name).key(key("typed")));

        Map<String, AttributeValue> updated = key("updated");
        client.updateItem(b -> b.tableName(name).key(updated).updateExpression("SET x = :x")
                .expressionAttributeValues(Map.of(":x", s("1"))));
        client.updateItem(b -> b.tableName(name).key(updated).updateExpression("REMOVE x"));

        client.putItem(b -> b.tableName(name).item(with(key("third"), "w", s("2"))));
        assertThatThrownBy(() -> client.putItem(b -> b.tableName(name).item(with(key("third"), "w", s("3")))
                .conditionExpression("attribute_not_exists(pk)"))).isInstanceOf(ConditionalCheckFailedException.class);
        client.batchWriteItem(b -> b.requestItems(Map.of(name, List.of(
                WriteRequest.builder().deleteRequest(d -> d.key(first)).build()))));
    }

    private static Map<String, AttributeValue> key(String pk) {
        return item("pk", s(pk), "sk", n(1));
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> key, Object... namesAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key);
        item.putAll(item(namesAndValues));
        return item;
    }
}
