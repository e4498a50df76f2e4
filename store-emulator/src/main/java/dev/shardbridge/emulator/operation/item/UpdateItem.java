package dev.shardbridge.emulator.operation.item;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.expression.ExpressionAttributes;
import dev.shardbridge.emulator.expression.UpdateExpression;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.AttributeValueJson;
import dev.shardbridge.emulator.model.ItemSize;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.ConsumedCapacity;
import dev.shardbridge.emulator.operation.ExpressionParameters;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.KeyValidator;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.operation.ReturnValue;
import dev.shardbridge.emulator.table.StoredItem;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableCatalog;
import dev.shardbridge.emulator.table.WriteOutcome;
import java.util.Map;

/** UpdateItem: applies an UpdateExpression to an existing or new item, optionally under a condition. */
public final class UpdateItem implements Operation {
    private final TableCatalog catalog;

    public UpdateItem(TableCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "UpdateItem";
    }

    @Override
    public ObjectNode execute(Request request) {
        String tableName = request.string("TableName");
        Map<String, AttributeValue> key = request.item("Key");
        new ConstraintViolations().tableName(tableName, "tableName").notNull(key, "key").throwIfAny();
        ReturnValue returnValue = ReturnValue.parse(request.string("ReturnValues"), false);
        ExpressionAttributes attributes = request.expressionAttributes(ExpressionParameters.UPDATE_ITEM);
        String updateText = request.string("UpdateExpression");
        UpdateExpression update = updateText == null ? null : UpdateExpression.parse(updateText, attributes);
        WriteCondition condition = WriteCondition.parse(request, attributes);
        attributes.requireAllUsed();

        Table table = catalog.require(tableName);
        KeyValidator.requireKey(table.keySchema(), key);
        if (update != null) {
            for (String target : update.targetAttributeNames()) {
                if (table.keySchema().isKeyAttribute(target)) {
                    throw DynamoDbException.invalidParameter(
                            "Cannot update attribute " + target + ". This attribute is part of the key");
                }
            }
        }
        WriteOutcome outcome = table.write(table.keyOf(key), current -> {
            condition.check(current);
            Map<String, AttributeValue> base = current == null ? key : current.attributes();
            Map<String, AttributeValue> updated = update == null ? base : update.apply(base);
            if (ItemSize.of(updated) > ItemSize.MAX_ITEM_BYTES) {
                // UpdateItem words the 400 KB limit differently from PutItem.
                throw DynamoDbException.validation("Item size to update has exceeded the maximum allowed size");
            }
            return updated;
        });

        ObjectNode response = Json.object();
        Map<String, AttributeValue> returned = returned(returnValue, update, outcome);
        if (returned != null && !returned.isEmpty()) {
            response.set("Attributes", AttributeValueJson.writeItem(returned));
        }
        ConsumedCapacity.addTo(response, request, tableName, ConsumedCapacity.writeUnits(Math.max(
                outcome.after().sizeBytes(), outcome.before() == null ? 0 : outcome.before().sizeBytes())));
        return response;
    }

    private static Map<String, AttributeValue> returned(ReturnValue returnValue, UpdateExpression update,
                                                        WriteOutcome outcome) {
        StoredItem before = outcome.before();
        return switch (returnValue) {
            case NONE -> null;
            case ALL_OLD -> before == null ? null : before.attributes();
            case ALL_NEW -> outcome.after().attributes();
            case UPDATED_OLD -> before == null || update == null ? null
                    : update.targetsAsProjection().apply(before.attributes());
            case UPDATED_NEW -> update == null ? null
                    : update.targetsAsProjection().apply(outcome.after().attributes());
        };
    }
}
