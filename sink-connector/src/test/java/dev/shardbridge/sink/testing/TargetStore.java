package dev.shardbridge.sink.testing;

import dev.shardbridge.emulator.StoreEmulator;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * An in-process emulator as the sink's target, with a client that reads the replica the way a
 * user of it would: tombstones filtered out, the sink's hidden attributes removed.
 */
public final class TargetStore implements AutoCloseable {

    public static final String VERSION_ATTRIBUTE = "_shardbridge_pos";
    public static final String TOMBSTONE_ATTRIBUTE = "_shardbridge_deleted";

    private final StoreEmulator emulator;
    private final DynamoDbClient client;

    private TargetStore(StoreEmulator emulator) {
        this.emulator = emulator;
        this.client = DynamoDbClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(20)).build())
                .build();
    }

    public static TargetStore start() {
        return new TargetStore(StoreEmulator.start());
    }

    public StoreEmulator emulator() {
        return emulator;
    }

    public URI endpoint() {
        return emulator.endpoint();
    }

    public DynamoDbClient client() {
        return client;
    }

    /** The connector settings that point the sink at this store. */
    public Map<String, String> sinkSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("aws.endpoint.override", endpoint().toString());
        settings.put("aws.region", "us-east-1");
        settings.put("aws.credentials.provider", "static");
        settings.put("aws.access.key.id", "test");
        settings.put("aws.secret.access.key", "test");
        return settings;
    }

    /** Creates a table keyed by a string partition key {@code pk}. */
    public void createTable(String table) {
        createTable(table, "pk", ScalarAttributeType.S);
    }

    public void createTable(String table, String partitionKey, ScalarAttributeType type) {
        client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName(partitionKey).attributeType(type).build()));
    }

    /** Every stored item, tombstones and hidden attributes included, by the string value of {@code pk}. */
    public Map<String, Map<String, AttributeValue>> rawItems(String table) {
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        client.scanPaginator(b -> b.tableName(table).consistentRead(true)).items()
                .forEach(item -> items.put(item.get("pk").s(), item));
        return items;
    }

    /** The replica as its readers see it: no tombstones, no hidden attributes; keyed by {@code pk}. */
    public Map<String, Map<String, AttributeValue>> visibleItems(String table) {
        Map<String, Map<String, AttributeValue>> visible = new LinkedHashMap<>();
        rawItems(table).forEach((pk, item) -> {
            AttributeValue tombstone = item.get(TOMBSTONE_ATTRIBUTE);
            if (tombstone == null || !Boolean.TRUE.equals(tombstone.bool())) {
                Map<String, AttributeValue> data = new HashMap<>(item);
                data.remove(VERSION_ATTRIBUTE);
                visible.put(pk, data);
            }
        });
        return visible;
    }

    public List<String> tables() {
        return client.listTables().tableNames();
    }

    @Override
    public void close() {
        client.close();
        emulator.close();
    }
}
