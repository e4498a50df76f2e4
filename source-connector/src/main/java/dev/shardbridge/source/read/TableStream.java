package dev.shardbridge.source.read;

import dev.shardbridge.event.TableKey;
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
        boolean enabled = description.streamSpecification() != null
                && Boolean.TRUE.equals(description.streamSpecification().streamEnabled());
        if (!enabled || description.latestStreamArn() == null) {
            throw new ConnectException("Table " + table + " has no enabled stream; enable one with"
                    + " StreamSpecification (view type NEW_IMAGE or NEW_AND_OLD_IMAGES)");
        }
        String partitionKey = keyAttribute(description, KeyType.HASH).orElseThrow(
                () -> new ConnectException("Table " + table + " reports no partition key"));
        TableKey key = keyAttribute(description, KeyType.RANGE)
                .map(sortKey -> TableKey.of(partitionKey, sortKey)).orElseGet(() -> TableKey.of(partitionKey));
        return new TableStream(table, description.latestStreamArn(), key);
    }

    private static Optional<String> keyAttribute(TableDescription description, KeyType type) {
        return description.keySchema().stream().filter(element -> element.keyType() == type)
                .map(KeySchemaElement::attributeName).findFirst();
    }
}
