package dev.shardbridge.source.read;

import dev.shardbridge.event.TableKey;
import dev.shardbridge.source.discovery.ShardDiscovery;
import org.apache.kafka.connect.errors.ConnectException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.Optional;

/**
 * What a task needs to know about a table before reading its shards: the current stream and the primary key,
 * since GetRecords results name neither.
 */
public record TableStream(String table, String streamArn, TableKey tableKey) {

    /** Describes {@code table}; fails with a message saying what to fix when it has no enabled stream. */
    public static TableStream describe(DynamoDbClient dynamoDb, String table) {
        TableDescription description = dynamoDb.describeTable(request -> request.tableName(table)).table();
        String streamArn = ShardDiscovery.enabledStreamArn(description).orElseThrow(() -> new ConnectException(
                "Table " + table + " has no enabled stream; enable one with StreamSpecification"
                        + " (view type NEW_IMAGE or NEW_AND_OLD_IMAGES)"));
        return new TableStream(table, streamArn, keyOf(description));
    }

    /** The primary key of the described table. */
    public static TableKey keyOf(TableDescription description) {
        String partitionKey = keyAttribute(description, KeyType.HASH).orElseThrow(
                () -> new ConnectException("Table " + description.tableName() + " reports no partition key"));
        return keyAttribute(description, KeyType.RANGE)
                .map(sortKey -> TableKey.of(partitionKey, sortKey)).orElseGet(() -> TableKey.of(partitionKey));
    }

    private static Optional<String> keyAttribute(TableDescription description, KeyType type) {
        return description.keySchema().stream().filter(element -> element.keyType() == type)
                .map(KeySchemaElement::attributeName).findFirst();
    }
}
