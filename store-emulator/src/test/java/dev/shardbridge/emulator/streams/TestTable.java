package dev.shardbridge.emulator.streams;

import dev.shardbridge.emulator.testing.SdkClients;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A table with a stream, keyed by {@code pk} (S) and optionally {@code sk} (N). Writes go through
 * BatchWriteItem, the item write that needs no expressions, one request per call, so each call's
 * changes reach the stream in call order.
 */
final class TestTable {
    private final DynamoDbClient client;
    private final String name;

    private TestTable(DynamoDbClient client, String name) {
        this.client = client;
        this.name = name;
    }

    static TestTable create(SdkClients clients, String name, StreamViewType viewType) {
        return create(clients, name, viewType, false);
    }

    static TestTable createWithSortKey(SdkClients clients, String name, StreamViewType viewType) {
        return create(clients, name, viewType, true);
    }

    private static TestTable create(SdkClients clients, String name, StreamViewType viewType, boolean sortKey) {
        List<KeySchemaElement> keys = new ArrayList<>(List.of(key("pk", KeyType.HASH)));
        List<AttributeDefinition> attributes = new ArrayList<>(List.of(attribute("pk", ScalarAttributeType.S)));
        if (sortKey) {
            keys.add(key("sk", KeyType.RANGE));
            attributes.add(attribute("sk", ScalarAttributeType.N));
        }
        clients.tables().createTable(b -> b.tableName(name).keySchema(keys).attributeDefinitions(attributes)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType)));
        return new TestTable(clients.tables(), name);
    }

    String name() {
        return name;
    }

    TableDescription describe() {
        return client.describeTable(b -> b.tableName(name)).table();
    }

    String streamArn() {
        return describe().latestStreamArn();
    }

    void put(Map<String, AttributeValue> item) {
        write(List.of(WriteRequest.builder().putRequest(p -> p.item(item)).build()));
    }

    /** Puts items in order, 25 to a request. */
    void putAll(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            write(items.subList(from, Math.min(from + 25, items.size())).stream()
                    .map(item -> WriteRequest.builder().putRequest(p -> p.item(item)).build())
                    .toList());
        }
    }

    void delete(Map<String, AttributeValue> key) {
        write(List.of(WriteRequest.builder().deleteRequest(d -> d.key(key)).build()));
    }

    void disableStream() {
        client.updateTable(b -> b.tableName(name).streamSpecification(s -> s.streamEnabled(false)));
    }

    void enableStream(StreamViewType viewType) {
        client.updateTable(b -> b.tableName(name).streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(viewType)));
    }

    private void write(List<WriteRequest> requests) {
        var response = client.batchWriteItem(b -> b.requestItems(Map.of(name, requests)));
        if (!response.unprocessedItems().isEmpty()) {
            throw new AssertionError("unprocessed items: " + response.unprocessedItems());
        }
    }

    /**
     * An item from alternating names and values: strings become S, numbers N.
     * {@code item("pk", "a", "n", 1)} is {@code {pk: {S: a}, n: {N: 1}}}.
     */
    static Map<String, AttributeValue> item(Object... namesAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            item.put((String) namesAndValues[i], value instanceof Number number
                    ? AttributeValue.fromN(number.toString()) : AttributeValue.fromS((String) value));
        }
        return item;
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }
}
