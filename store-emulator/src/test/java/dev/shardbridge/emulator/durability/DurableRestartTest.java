package dev.shardbridge.emulator.durability;

import dev.shardbridge.emulator.testing.SdkClients;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.EmulatorSettings;
import dev.shardbridge.emulator.StoreEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * An emulator started on the data directory of a stopped one answers exactly as the stopped one did:
 * tables, items, streams, shard lineage, records and their sequence numbers, iterators included.
 */
class DurableRestartTest {

    @TempDir
    Path dataDir;

    /** What the API serves, compared whole across a restart. */
    record Served(List<String> tables, Map<String, TableDescription> descriptions,
                  Map<String, List<Map<String, AttributeValue>>> items, StreamDump streams) {

        static Served read(SdkClients clients) {
            List<String> tables = clients.tables().listTables().tableNames();
            Map<String, TableDescription> descriptions = new LinkedHashMap<>();
            Map<String, List<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
            for (String table : tables) {
                descriptions.put(table, clients.tables().describeTable(b -> b.tableName(table)).table());
                items.put(table, scan(clients.tables(), table));
            }
            return new Served(tables, descriptions, items, StreamDump.read(clients.streams()));
        }
    }

    @Test
    void aRestartedEmulatorServesTablesItemsAndStreamsExactlyAsBefore() {
        Served before;
        Map<String, String> latestIterators;
        String ordersStream;
        try (StoreEmulator emulator = start(); SdkClients clients = SdkClients.of(emulator.endpoint())) {
            ordersStream = writeHistory(emulator, clients.tables());
            before = Served.read(clients);
            latestIterators = latestIterators(clients, ordersStream);
        }
        assertThat(before.streams().descriptions()).hasSize(4); // orders x2, parcels x2
        assertThat(before.streams().recordsByShard().values().stream().mapToInt(List::size).sum())
                .isGreaterThan(30);

        try (StoreEmulator emulator = start(); SdkClients clients = SdkClients.of(emulator.endpoint())) {
            Served after = Served.read(clients);
            assertThat(after.tables()).isEqualTo(before.tables());
            assertThat(after.descriptions()).isEqualTo(before.descriptions());
            assertThat(after.items()).isEqualTo(before.items());
            assertThat(after.streams().descriptions()).isEqualTo(before.streams().descriptions());
            assertThat(after.streams().recordsByShard()).isEqualTo(before.streams().recordsByShard());
            assertThat(after).isEqualTo(before);

            // The emulator goes on where it stopped: iterators taken before the restart read what is written
            // now, with sequence numbers above every earlier one, and the partition override still applies.
            putAll(clients.tables(), "orders", List.of(orderItem("after-restart", 1)));
            String highestBefore = highestSequence(before.streams());
            List<Record> resumed = new ArrayList<>();
            latestIterators.values().forEach(iterator ->
                    resumed.addAll(clients.streams().getRecords(b -> b.shardIterator(iterator)).records()));
            assertThat(resumed).singleElement().satisfies(record -> {
                assertThat(record.dynamodb().keys().get("pk").s()).isEqualTo("after-restart");
                assertThat(record.dynamodb().sequenceNumber()).isGreaterThan(highestBefore);
            });
            clients.tables().createTable(b -> b.tableName("later")
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
            String laterStream = clients.tables().describeTable(b -> b.tableName("later")).table().latestStreamArn();
            assertThat(StreamDump.describe(clients.streams(), laterStream).shards()).hasSize(3);
            emulator.clock().advance(Duration.ofSeconds(2)); // the readers above are no longer active
            before = Served.read(clients);
        }

        // A third start loads the snapshot the second one wrote, plus what was logged after it.
        try (StoreEmulator emulator = start(); SdkClients clients = SdkClients.of(emulator.endpoint())) {
            assertThat(Served.read(clients)).isEqualTo(before);
        }
    }

    /**
     * Items of every attribute type, overwrites and deletes, a split, a rollover, the clock advanced, a
     * stream disabled and re-enabled (a new ARN, the old one still readable), a table deleted and
     * re-created, a partition override. Returns the current stream of "orders".
     */
    private static String writeHistory(StoreEmulator emulator, DynamoDbClient dynamo) {
        createOrders(dynamo);
        List<Map<String, AttributeValue>> first = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            first.add(orderItem("order-" + i, i));
        }
        putAll(dynamo, "orders", first);
        putAll(dynamo, "orders", List.of(orderItem("order-3", 3), everyType("order-4", 4)));
        deleteAll(dynamo, "orders", List.of(key("order-5", 5), key("order-6", 6)));
        emulator.streams().require("orders").split(0);
        putAll(dynamo, "orders", List.of(orderItem("order-20", 20), orderItem("order-21", 21), everyType("order-0", 0)));
        emulator.streams().require("orders").rollAll();
        emulator.clock().advance(Duration.ofMinutes(90));
        putAll(dynamo, "orders", List.of(orderItem("order-22", 22), orderItem("order-1", 100)));
        dynamo.updateTable(b -> b.tableName("orders").streamSpecification(s -> s.streamEnabled(false)));
        putAll(dynamo, "orders", List.of(orderItem("unstreamed", 1)));
        dynamo.updateTable(b -> b.tableName("orders")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        putAll(dynamo, "orders", List.of(orderItem("order-23", 23), orderItem("order-7", 77)));

        createParcels(dynamo, StreamViewType.NEW_IMAGE);
        putParcels(dynamo, "first-life");
        dynamo.deleteTable(b -> b.tableName("parcels"));
        createParcels(dynamo, StreamViewType.OLD_IMAGE);
        putParcels(dynamo, "second-life");
        putParcels(dynamo, "second-life-again");
        emulator.streams().overridePartitions("later", 3);
        return dynamo.describeTable(b -> b.tableName("orders")).table().latestStreamArn();
    }

    private static void createOrders(DynamoDbClient dynamo) {
        dynamo.createTable(b -> b.tableName("orders")
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    private static void createParcels(DynamoDbClient dynamo, StreamViewType view) {
        dynamo.createTable(b -> b.tableName("parcels")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.B))
                .provisionedThroughput(p -> p.readCapacityUnits(3L).writeCapacityUnits(4L))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(view)));
    }

    private static void putParcels(DynamoDbClient dynamo, String life) {
        List<Map<String, AttributeValue>> parcels = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            parcels.add(Map.of("id", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) i, 1})),
                    "life", AttributeValue.fromS(life)));
        }
        putAll(dynamo, "parcels", parcels);
    }

    static Map<String, AttributeValue> orderItem(String pk, long sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Long.toString(sk)),
                "status", AttributeValue.fromS("placed"), "total", AttributeValue.fromN("12.50"));
    }

    private static Map<String, AttributeValue> everyType(String pk, long sk) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(orderItem(pk, sk));
        item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 42})));
        item.put("bool", AttributeValue.fromBool(false));
        item.put("nul", AttributeValue.fromNul(true));
        item.put("m", AttributeValue.fromM(Map.of("city", AttributeValue.fromS("Hangzhou"),
                "scans", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromN("2.5"))))));
        item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromNul(true))));
        item.put("ss", AttributeValue.fromSs(List.of("red", "green")));
        item.put("ns", AttributeValue.fromNs(List.of("1", "-0.5", "1E+10")));
        item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("a"), SdkBytes.fromUtf8String("b"))));
        item.put("unicode", AttributeValue.fromS("grüße 東京 \uD83D\uDE00"));
        return item;
    }

    private static Map<String, AttributeValue> key(String pk, long sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Long.toString(sk)));
    }

    static void putAll(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        List<WriteRequest> writes = items.stream()
                .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                .toList();
        assertThat(dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, writes))).unprocessedItems()).isEmpty();
    }

    private static void deleteAll(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys) {
        List<WriteRequest> writes = keys.stream()
                .map(key -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build())
                .toList();
        dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
    }

    private static List<Map<String, AttributeValue>> scan(DynamoDbClient dynamo, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(table)).items().forEach(items::add);
        return items;
    }

    private static List<String> openShardsOf(SdkClients clients, String streamArn) {
        return StreamDump.describe(clients.streams(), streamArn).shards().stream()
                .filter(shard -> shard.sequenceNumberRange().endingSequenceNumber() == null)
                .map(shard -> shard.shardId()).toList();
    }

    private static Map<String, String> latestIterators(SdkClients clients, String streamArn) {
        Map<String, String> iterators = new LinkedHashMap<>();
        for (String shard : openShardsOf(clients, streamArn)) {
            iterators.put(shard, clients.streams().getShardIterator(b -> b.streamArn(streamArn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.LATEST)).shardIterator());
        }
        return iterators;
    }

    private static String highestSequence(StreamDump dump) {
        return dump.recordsByShard().values().stream().flatMap(List::stream)
                .map(record -> record.dynamodb().sequenceNumber()).max(String::compareTo).orElseThrow();
    }

    private StoreEmulator start() {
        return StoreEmulator.start(EmulatorSettings.defaults()
                .withDurability(Durability.inDirectory(dataDir).withFsync(FsyncPolicy.ALWAYS)));
    }
}
