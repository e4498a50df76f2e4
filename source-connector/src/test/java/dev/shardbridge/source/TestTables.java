package dev.shardbridge.source;

import dev.shardbridge.emulator.admin.EmulatorAdmin;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.util.Map;

/** Tables keyed by a string {@code id} with a stream, as most source tests need them. */
public final class TestTables {

    private TestTables() {
    }

    /** Creates {@code table} with {@code partitions} partitions (one open shard each) and a stream of {@code view}. */
    public static void create(DynamoDbClient dynamoDb, EmulatorAdmin admin, String table, int partitions,
                              StreamViewType view) {
        admin.setPartitions(table, partitions);
        dynamoDb.createTable(request -> request.tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(view)));
    }

    /** Puts items {@code prefix0 .. prefix(count-1)}. */
    public static void put(DynamoDbClient dynamoDb, String table, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            String id = prefix + i;
            dynamoDb.putItem(request -> request.tableName(table).item(Map.of("id", AttributeValue.fromS(id))));
        }
    }
}
