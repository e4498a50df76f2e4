package dev.shardbridge.source.cluster;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.net.URI;

/** The table every source test writes with {@link KeyedWrites}, on whichever local store the test runs. */
public final class KeyedTable {

    private KeyedTable() {
    }

    /** A client for a local store; both the emulator and DynamoDB Local accept any static credentials. */
    public static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    /** A table keyed by {@code id} with a NEW_AND_OLD_IMAGES stream. */
    public static void create(DynamoDbClient dynamoDb, String table) {
        create(dynamoDb, table, StreamViewType.NEW_AND_OLD_IMAGES);
    }

    /** A table keyed by {@code id} with a stream of {@code view}. */
    public static void create(DynamoDbClient dynamoDb, String table, StreamViewType view) {
        dynamoDb.createTable(request -> request.tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(spec -> spec.streamEnabled(view != null).streamViewType(view)));
    }

    /** Turns on a NEW_AND_OLD_IMAGES stream of a table created without one: later writes only are in it. */
    public static void enableStream(DynamoDbClient dynamoDb, String table) {
        dynamoDb.updateTable(request -> request.tableName(table)
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }
}
