package dev.shardbridge.emulator.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.stream.ShardIterator;
import java.util.HashSet;
import java.util.Set;

/**
 * What a request touches, as far as fault rules care: the operation, the tables and the shard. Read
 * leniently from the raw body: a malformed member just scopes nothing, and the operation itself then
 * answers the client's mistake.
 *
 * @param operation the operation name, e.g. {@code GetRecords}
 * @param tables    the tables named directly or through a stream ARN or shard iterator
 * @param shardId   the shard of a GetShardIterator or GetRecords request, or null
 */
record RequestScope(String operation, Set<String> tables, String shardId) {
    private static final String TABLE_MARK = ":table/";
    private static final String STREAM_MARK = "/stream/";

    static RequestScope of(String target, ObjectNode body) {
        String operation = target.substring(target.lastIndexOf('.') + 1);
        Set<String> tables = new HashSet<>(2);
        addIfText(tables, body.get("TableName"));
        JsonNode requestItems = body.get("RequestItems");
        if (requestItems != null && requestItems.isObject()) {
            requestItems.fieldNames().forEachRemaining(tables::add);
        }
        addTableOfStream(tables, text(body.get("StreamArn")));
        String shardId = text(body.get("ShardId"));
        String iteratorText = text(body.get("ShardIterator"));
        if (iteratorText != null) {
            try {
                ShardIterator iterator = ShardIterator.decode(iteratorText);
                addTableOfStream(tables, iterator.streamArn());
                shardId = iterator.shardId();
            } catch (DynamoDbException invalidIterator) {
                // GetRecords will answer "Invalid ShardIterator"; no scope to match here.
            }
        }
        return new RequestScope(operation, Set.copyOf(tables), shardId);
    }

    /** The table in {@code arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>}. */
    static String tableOfStream(String streamArn) {
        int start = streamArn.indexOf(TABLE_MARK);
        int end = streamArn.indexOf(STREAM_MARK, start + 1);
        return start < 0 || end < 0 ? null : streamArn.substring(start + TABLE_MARK.length(), end);
    }

    private static void addTableOfStream(Set<String> tables, String streamArn) {
        if (streamArn != null) {
            String table = tableOfStream(streamArn);
            if (table != null) {
                tables.add(table);
            }
        }
    }

    private static void addIfText(Set<String> tables, JsonNode node) {
        String text = text(node);
        if (text != null) {
            tables.add(text);
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }
}
