package dev.shardbridge.quickstart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every item of a table, read with a consistent paginated Scan. */
final class TableContents {
    private TableContents() {
    }

    static List<Map<String, AttributeValue>> scan(DynamoDbClient client, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        client.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(items::add);
        return items;
    }
}
