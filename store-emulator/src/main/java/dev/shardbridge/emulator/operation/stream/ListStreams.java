package dev.shardbridge.emulator.operation.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.stream.StreamCatalog;
import dev.shardbridge.emulator.stream.TableStream;
import java.util.List;

/** ListStreams: every readable stream, optionally of one table, in pages of at most 100. */
public final class ListStreams implements Operation {
    private static final int MAX_LIMIT = 100;

    private final StreamCatalog catalog;

    public ListStreams(StreamCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "ListStreams";
    }

    @Override
    public ObjectNode execute(Request request) {
        String tableName = request.string("TableName");
        Integer limitParameter = request.integer("Limit");
        String start = request.string("ExclusiveStartStreamArn");
        ConstraintViolations violations = new ConstraintViolations()
                .range(limitParameter, "limit", 1, Integer.MAX_VALUE);
        if (tableName != null) {
            violations.tableName(tableName, "tableName");
        }
        violations.throwIfAny();
        // The model only bounds Limit below; the service refuses a larger page with its own message.
        if (limitParameter != null && limitParameter > MAX_LIMIT) {
            throw DynamoDbException.invalidParameter("Limit cannot be greater than the maximum allowed size: "
                    + MAX_LIMIT);
        }
        catalog.maintain();
        int limit = limitParameter == null ? MAX_LIMIT : limitParameter;

        List<TableStream> streams = catalog.registry().list(tableName, start);
        ObjectNode response = Json.object();
        ArrayNode page = response.putArray("Streams");
        for (TableStream stream : streams.subList(0, Math.min(limit, streams.size()))) {
            page.addObject().put("StreamArn", stream.arn()).put("TableName", stream.tableName())
                    .put("StreamLabel", stream.label());
        }
        if (streams.size() > limit) {
            response.put("LastEvaluatedStreamArn", streams.get(limit - 1).arn());
        }
        return response;
    }
}
