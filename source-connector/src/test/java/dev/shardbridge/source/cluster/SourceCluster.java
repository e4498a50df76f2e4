package dev.shardbridge.source.cluster;

import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.source.DynamoDbStreamsSourceConnector;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
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

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The pieces every source cluster test needs: an in-process emulator, a Kafka + Connect cluster that finds the
 * connector through its service manifest, and the connector config pointing one at the other.
 */
public final class SourceCluster implements AutoCloseable {

    private final StoreEmulator emulator;
    private final EmbeddedConnectCluster connect;
    private final DynamoDbClient dynamoDb;

    private SourceCluster(StoreEmulator emulator, EmbeddedConnectCluster connect) {
        this.emulator = emulator;
        this.connect = connect;
        this.dynamoDb = DynamoDbClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    public static SourceCluster start(int workers, Map<String, String> extraWorkerProps) {
        return start(workers, extraWorkerProps, new Properties());
    }

    public static SourceCluster start(int workers, Map<String, String> extraWorkerProps, Properties brokerProps) {
        StoreEmulator emulator = StoreEmulator.start();
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("plugin.discovery", "service_load");
        workerProps.put("offset.flush.interval.ms", "500");
        // Reassign a stopped worker's tasks within seconds instead of Connect's default five minutes.
        workerProps.put("scheduled.rebalance.max.delay.ms", "2000");
        workerProps.putAll(extraWorkerProps);
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder().name("shardbridge-source-it")
                .numWorkers(workers).numBrokers(1).workerProps(workerProps).brokerProps(brokerProps).build();
        connect.start();
        return new SourceCluster(emulator, connect);
    }

    public EmbeddedConnectCluster connect() {
        return connect;
    }

    public StoreEmulator emulator() {
        return emulator;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** A table keyed by {@code id} with {@code partitions} partitions (open shards) and a NEW_AND_OLD_IMAGES stream. */
    public void createTable(String table, int partitions) {
        emulator.admin().setPartitions(table, partitions);
        dynamoDb.createTable(request -> request.tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    /** Source connector settings for {@code table} on the emulator, fast enough for tests. */
    public Map<String, String> sourceConfig(String table, int maxTasks) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", DynamoDbStreamsSourceConnector.class.getName());
        config.put("tasks.max", Integer.toString(maxTasks));
        config.put("tables", table);
        config.put("aws.endpoint.override", emulator.endpoint().toString());
        config.put("aws.region", "us-east-1");
        config.put("aws.credentials.provider", "static");
        config.put("aws.access.key.id", "local");
        config.put("aws.secret.access.key", "local");
        config.put("shard.discovery.interval.ms", "500");
        config.put("poll.idle.backoff.max.ms", "200");
        // Connect creates the change and marker topics itself (KIP-158); the test broker has one replica.
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "3");
        config.put("key.converter", JsonConverter.class.getName());
        config.put("value.converter", JsonConverter.class.getName());
        return config;
    }

    @Override
    public void close() {
        connect.stop();
        dynamoDb.close();
        emulator.close();
    }
}
