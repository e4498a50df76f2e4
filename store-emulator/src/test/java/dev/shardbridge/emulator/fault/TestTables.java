package dev.shardbridge.emulator.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Tables with a string hash key {@code pk} and items written in batches, through the SDK. */
public final class TestTables {

    private TestTables() {
    }

    /** Creates a table with a NEW_AND_OLD_IMAGES stream. */
    public static void createWithStream(DynamoDbClient client, String table) {
        client.createTable(request -> request.tableName(table)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()));
    }

    /** Creates a table without a stream. */
    public static void create(DynamoDbClient client, String table) {
        client.createTable(request -> request.tableName(table)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    /** Put requests for items {@code pk = item-<from>..item-<from + count - 1>}. */
    public static List<WriteRequest> puts(int from, int count) {
        List<WriteRequest> writes = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    "pk", AttributeValue.fromS("item-" + i),
                    "n", AttributeValue.fromN(Integer.toString(i)))).build()).build());
        }
        return writes;
    }

    /** Writes {@code count} items in full batches of 25, failing on anything left unprocessed. */
    public static void write(DynamoDbClient client, String table, int count) {
        for (int from = 0; from < count; from += 25) {
            List<WriteRequest> batch = puts(from, Math.min(25, count - from));
            Map<String, List<WriteRequest>> unprocessed =
                    client.batchWriteItem(request -> request.requestItems(Map.of(table, batch))).unprocessedItems();
            if (!unprocessed.isEmpty()) {
                throw new AssertionError("writes left unprocessed: " + unprocessed);
            }
        }
    }

    public static long itemCount(DynamoDbClient client, String table) {
        return client.describeTable(request -> request.tableName(table)).table().itemCount();
    }
}
