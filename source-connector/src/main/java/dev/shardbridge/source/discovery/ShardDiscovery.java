package dev.shardbridge.source.discovery;

import dev.shardbridge.source.assign.DiscoveredShard;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardFilter;
import software.amazon.awssdk.services.dynamodb.model.ShardFilterType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists the shards of a table's current stream: every DescribeStream page, then the children of closed shards
 * whose children the listing missed. Blocking I/O; the connector calls it from its discovery scheduler only.
 */
public final class ShardDiscovery {

    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;

    public ShardDiscovery(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams) {
        this.dynamoDb = dynamoDb;
        this.streams = streams;
    }

    /** The table's current stream ARN; empty when the table has no enabled stream. */
    public Optional<String> streamArn(String table) {
        return enabledStreamArn(dynamoDb.describeTable(request -> request.tableName(table)).table());
    }

    /** The table's current stream ARN if its stream is enabled: the one test discovery and tasks share. */
    public static Optional<String> enabledStreamArn(TableDescription description) {
        StreamSpecification spec = description.streamSpecification();
        boolean enabled = spec != null && Boolean.TRUE.equals(spec.streamEnabled());
        return enabled ? Optional.ofNullable(description.latestStreamArn()) : Optional.empty();
    }

    /** The table's shards with their lineage; empty when the table has no enabled stream. */
    public List<DiscoveredShard> discover(String table) {
        return streamArn(table).map(arn -> discover(table, arn)).orElse(List.of());
    }

    List<DiscoveredShard> discover(String table, String streamArn) {
        List<Shard> listing = listShards(streamArn);
        for (String parent : ShardLineage.closedWithoutListedChildren(listing)) {
            listing.addAll(listAll(DescribeStreamRequest.builder().streamArn(streamArn)
                    .shardFilter(ShardFilter.builder().type(ShardFilterType.CHILD_SHARDS).shardId(parent).build())
                    .build()));
        }
        return ShardLineage.discovered(table, listing);
    }

    /** Every page of the stream's listing, without repairs. */
    List<Shard> listShards(String streamArn) {
        return listAll(DescribeStreamRequest.builder().streamArn(streamArn).build());
    }

    private List<Shard> listAll(DescribeStreamRequest first) {
        List<Shard> shards = new ArrayList<>();
        DescribeStreamRequest request = first;
        while (true) {
            DescribeStreamResponse page = streams.describeStream(request);
            shards.addAll(page.streamDescription().shards());
            String last = page.streamDescription().lastEvaluatedShardId();
            if (last == null) {
                return shards;
            }
            request = request.toBuilder().exclusiveStartShardId(last).build();
        }
    }
}
