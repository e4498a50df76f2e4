package dev.shardbridge.emulator.operation.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.operation.table.TableDescriptions;
import dev.shardbridge.emulator.stream.SequenceNumbers;
import dev.shardbridge.emulator.stream.Shard;
import dev.shardbridge.emulator.stream.StreamCatalog;
import dev.shardbridge.emulator.stream.TableStream;
import java.util.List;
import java.util.function.Predicate;

/**
 * DescribeStream: the stream and its shards, parents before children, at most 100 shards a page, with
 * {@code ExclusiveStartShardId} and {@code ShardFilter} {@code CHILD_SHARDS}.
 */
public final class DescribeStream implements Operation {
    private static final int MAX_LIMIT = 100;

    private final StreamCatalog catalog;

    public DescribeStream(StreamCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "DescribeStream";
    }

    @Override
    public ObjectNode execute(Request request) {
        String arn = request.string("StreamArn");
        Integer limitParameter = request.integer("Limit");
        String start = request.string("ExclusiveStartShardId");
        // The model only bounds Limit below; the service refuses a larger page with its own message.
        new ConstraintViolations().notNull(arn, "streamArn").range(limitParameter, "limit", 1, Integer.MAX_VALUE)
                .throwIfAny();
        if (limitParameter != null && limitParameter > MAX_LIMIT) {
            throw DynamoDbException.invalidParameter("Limit cannot be greater than the maximum: " + MAX_LIMIT);
        }
        Predicate<Shard> filter = shardFilter(request);
        catalog.maintain();
        TableStream stream = StreamLookup.stream(catalog, arn);
        int limit = limitParameter == null ? MAX_LIMIT : limitParameter;

        List<Shard> shards = stream.shards().stream().filter(filter).toList();
        int from = 0;
        if (start != null) {
            for (int i = 0; i < shards.size(); i++) {
                if (shards.get(i).id().equals(start)) {
                    from = i + 1;
                }
            }
        }
        List<Shard> page = shards.subList(Math.min(from, shards.size()), Math.min(from + limit, shards.size()));

        ObjectNode description = Json.object()
                .put("StreamArn", stream.arn())
                .put("StreamLabel", stream.label())
                .put("StreamStatus", stream.status().name())
                .put("StreamViewType", stream.viewType().name())
                .put("CreationRequestDateTime", stream.createdAtMillis() / 1000.0)
                .put("TableName", stream.tableName());
        description.set("KeySchema", TableDescriptions.keySchema(stream.keySchema()));
        ArrayNode shardList = description.putArray("Shards");
        page.forEach(shard -> shardList.add(describe(shard)));
        if (from + limit < shards.size()) {
            description.put("LastEvaluatedShardId", page.get(page.size() - 1).id());
        }
        ObjectNode response = Json.object();
        response.set("StreamDescription", description);
        return response;
    }

    private static ObjectNode describe(Shard shard) {
        ObjectNode node = Json.object().put("ShardId", shard.id());
        ObjectNode range = node.putObject("SequenceNumberRange")
                .put("StartingSequenceNumber", SequenceNumbers.format(shard.startingSequence()));
        long ending = shard.endingSequence();
        if (ending >= 0) {
            range.put("EndingSequenceNumber", SequenceNumbers.format(ending));
        }
        if (shard.parentId() != null) {
            node.put("ParentShardId", shard.parentId());
        }
        return node;
    }

    private static Predicate<Shard> shardFilter(Request request) {
        ObjectNode filterNode = request.object("ShardFilter");
        if (filterNode == null) {
            return shard -> true;
        }
        Request filter = new Request(filterNode);
        String type = filter.string("Type");
        String parent = filter.string("ShardId");
        new ConstraintViolations().notNull(type, "shardFilter.type")
                .oneOf(type, "shardFilter.type", List.of("CHILD_SHARDS")).throwIfAny();
        if (parent == null) {
            throw DynamoDbException.validation("ShardFilter of type CHILD_SHARDS requires a ShardId");
        }
        return shard -> parent.equals(shard.parentId());
    }
}
