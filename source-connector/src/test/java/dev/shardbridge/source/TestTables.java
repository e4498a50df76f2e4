package dev.shardbridge.source;

import dev.shardbridge.emulator.admin.EmulatorAdmin;
import dev.shardbridge.source.cluster.KeyedTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.util.Map;

/** Emulator tables keyed by a string {@code id} ({@link KeyedTable}) with a chosen number of partitions. */
public final class TestTables {

    private TestTables() {
    }

    /** Creates {@code table} with {@code partitions} partitions (one open shard each) and a stream of {@code view}. */
    public static void create(DynamoDbClient dynamoDb, EmulatorAdmin admin, String table, int partitions,
                              StreamViewType view) {
        admin.setPartitions(table, partitions);
        KeyedTable.create(dynamoDb, table, view);
    }

    /** Puts items {@code prefix0 .. prefix(count-1)}. */
    public static void put(DynamoDbClient dynamoDb, String table, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            String id = prefix + i;
            dynamoDb.putItem(request -> request.tableName(table).item(Map.of("id", AttributeValue.fromS(id))));
        }
    }
}
