package dev.shardbridge.source.discovery;

import dev.shardbridge.source.EmulatorWithClients;
import dev.shardbridge.source.assign.DiscoveredShard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery against the emulator's multi-shard emulator.streams(), through the AWS SDK. */
class ShardDiscoveryTest {

    @RegisterExtension
    static final EmulatorWithClients emulator = new EmulatorWithClients();

    private static void createTable(String table, boolean stream) {
        emulator.dynamoDb().createTable(request -> request.tableName(table)
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

        List<DiscoveredShard> shards = new ShardDiscovery(emulator.dynamoDb(), emulator.streams()).discover("many");

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
        ShardDiscovery discovery = new ShardDiscovery(emulator.dynamoDb(), emulator.streams());
        String arn = discovery.streamArn("paged").orElseThrow();
        assertThat(discovery.listShards(arn)).hasSize(150).extracting(shard -> shard.shardId()).doesNotHaveDuplicates();
    }

    @Test
    void aTableWithoutAStreamHasNoShards() {
        createTable("nostream", false);
        assertThat(new ShardDiscovery(emulator.dynamoDb(), emulator.streams()).discover("nostream")).isEmpty();
    }
}
