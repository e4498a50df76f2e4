package dev.shardbridge.emulator.operation.item;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.expression.ExpressionAttributes;
import dev.shardbridge.emulator.expression.ProjectionExpression;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.AttributeValueJson;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.ConsumedCapacity;
import dev.shardbridge.emulator.operation.ExpressionParameters;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.KeyValidator;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.table.StoredItem;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableCatalog;
import java.util.Map;

/**
 * GetItem. Every read is strongly consistent in the emulator; {@code ConsistentRead} only changes the
 * reported capacity, as it would on AWS.
 */
public final class GetItem implements Operation {
    private final TableCatalog catalog;

    public GetItem(TableCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "GetItem";
    }

    @Override
    public ObjectNode execute(Request request) {
        String tableName = request.string("TableName");
        Map<String, AttributeValue> key = request.item("Key");
        new ConstraintViolations().tableName(tableName, "tableName").notNull(key, "key").throwIfAny();
        boolean consistent = Boolean.TRUE.equals(request.bool("ConsistentRead"));
        ExpressionAttributes attributes = request.expressionAttributes(ExpressionParameters.GET_ITEM);
        String projectionText = request.string("ProjectionExpression");
        ProjectionExpression projection = projectionText == null ? null
                : ProjectionExpression.parse(projectionText, attributes);
        attributes.requireAllUsed();

        Table table = catalog.require(tableName);
        KeyValidator.requireKey(table.keySchema(), key);
        StoredItem item = table.get(table.keyOf(key));

        ObjectNode response = Json.object();
        if (item != null) {
            Map<String, AttributeValue> result = projection == null ? item.attributes()
                    : projection.apply(item.attributes());
            response.set("Item", AttributeValueJson.writeItem(result));
        }
        ConsumedCapacity.addTo(response, request, tableName,
                ConsumedCapacity.readUnits(item == null ? 0 : item.sizeBytes(), consistent));
        return response;
    }
}
