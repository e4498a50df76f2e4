package dev.shardbridge.emulator.operation.read;

import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.expression.ConditionExpression;
import dev.shardbridge.emulator.expression.ExpressionAttributes;
import dev.shardbridge.emulator.expression.ExpressionKind;
import dev.shardbridge.emulator.expression.ProjectionExpression;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.KeyValidator;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.table.Table;
import java.util.Map;

/**
 * The parameters Query and Scan share: Limit, Select, FilterExpression, ProjectionExpression,
 * ExclusiveStartKey and ConsistentRead.
 */
record ReadOptions(int limit, Select select, ConditionExpression filter, ProjectionExpression projection,
                   Map<String, AttributeValue> exclusiveStartKey, boolean consistent) {

    /** @param query whether the request is a Query, whose messages AWS words a little differently */
    static ReadOptions parse(Request request, ExpressionAttributes attributes, boolean query) {
        Integer limit = request.integer("Limit");
        new ConstraintViolations().range(limit, "limit", 1, Integer.MAX_VALUE).throwIfAny();
        String filterText = request.string("FilterExpression");
        String projectionText = request.string("ProjectionExpression");
        ConditionExpression filter = filterText == null ? null
                : ConditionExpression.parse(filterText, ExpressionKind.FILTER, attributes);
        ProjectionExpression projection = projectionText == null ? null
                : ProjectionExpression.parse(projectionText, attributes);
        Select select = Select.parse(request.string("Select"), projection != null, query);
        if (request.has("IndexName")) {
            throw DynamoDbException.validation("Secondary indexes are not supported by the shardbridge store emulator");
        }
        return new ReadOptions(limit == null ? Integer.MAX_VALUE : limit, select, filter, projection,
                request.item("ExclusiveStartKey"), Boolean.TRUE.equals(request.bool("ConsistentRead")));
    }

    /** Checks the start key against the table's key schema. */
    void validateStartKey(Table table) {
        if (exclusiveStartKey != null && !KeyValidator.keyMatches(table.keySchema(), exclusiveStartKey)) {
            throw DynamoDbException.validation(
                    "The provided starting key is invalid: The provided key element does not match the schema");
        }
    }
}
