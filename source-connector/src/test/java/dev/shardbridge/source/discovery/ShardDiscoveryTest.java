package dev.shardbridge.source.discovery;

import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.source.assign.DiscoveredShard;
import dev.shardbridge.source.aws.AwsClients;
import dev.shardbridge.source.config.DynamoDbStreamsSourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery against the emulator's multi-shard streams, through the AWS SDK. */
class ShardDiscoveryTest {

    private static StoreEmulator emulator;
    private static DynamoDbClient dynamoDb;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void start() {
        emulator = StoreEmulator.start();
        AwsClients clients = new AwsClients(new DynamoDbStreamsSourceConfig(Map.of(
                "tables", "unused", "aws.region", "us-east-1", "aws.endpoint.override", emulator.endpoint().toString(),
                "aws.credentials.provider", "static", "aws.access.key.id", "local", "aws.secret.access.key", "local")));
        dynamoDb = clients.dynamoDb();
        streams = clients.streams();
    }

    @AfterAll
    static void stop() {
        streams.close();
        dynamoDb.close();
        emulator.close();
    }

    private static void createTable(String table, boolean stream) {
        dynamoDb.createTable(request -> request.tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(stream
                        ? StreamSpecification.builder().streamEnabled(true)
                                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()
                        : StreamSpecification.builder().streamEnabled(false).build()));
    }

    @Test
    void listsEveryPageAndLinksChildrenToTheirParents() {
        emulator.admin().setPartitions("many", 60);
        createTable("many", true);
        emulator.admin().rollShards("many");

        List<DiscoveredShard> shards = new ShardDiscovery(dynamoDb, streams).discover("many");

        // 60 closed parents and 60 children: more than one DescribeStream page of 100.
        assertThat(shards).hasSize(120);
        Set<String> ids = shards.stream().map(DiscoveredShard::shardId).collect(Collectors.toSet());
        List<DiscoveredShard> children = shards.stream().filter(s -> !s.parentShardIds().isEmpty()).toList();
        assertThat(children).hasSize(60).allSatisfy(child -> assertThat(ids).containsAll(child.parentShardIds()));
        assertThat(shards).allSatisfy(shard -> assertThat(shard.table()).isEqualTo("many"));
    }

    @Test
    void followsLastEvaluatedShardIdThroughEveryPage() {
        emulator.admin().setPartitions("paged", 150);
        createTable("paged", true);
        ShardDiscovery discovery = new ShardDiscovery(dynamoDb, streams);
        String arn = discovery.streamArn("paged").orElseThrow();
        assertThat(discovery.listShards(arn)).hasSize(150).extracting(shard -> shard.shardId()).doesNotHaveDuplicates();
    }

    @Test
    void aTableWithoutAStreamHasNoShards() {
        createTable("nostream", false);
        assertThat(new ShardDiscovery(dynamoDb, streams).discover("nostream")).isEmpty();
    }
}
