package dev.shardbridge.emulator.operation.item;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.expression.ExpressionAttributes;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.AttributeValueJson;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.ConsumedCapacity;
import dev.shardbridge.emulator.operation.ExpressionParameters;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.KeyValidator;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.operation.ReturnValue;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableCatalog;
import dev.shardbridge.emulator.table.WriteOutcome;
import java.util.Map;

/** PutItem: replaces the whole item, optionally under a condition. */
public final class PutItem implements Operation {
    private final TableCatalog catalog;

    public PutItem(TableCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "PutItem";
    }

    @Override
    public ObjectNode execute(Request request) {
        String tableName = request.string("TableName");
        Map<String, AttributeValue> item = request.item("Item");
        new ConstraintViolations().tableName(tableName, "tableName").notNull(item, "item").throwIfAny();
        ReturnValue returnValue = ReturnValue.parse(request.string("ReturnValues"), true);
        ExpressionAttributes attributes = request.expressionAttributes(ExpressionParameters.PUT_OR_DELETE_ITEM);
        WriteCondition condition = WriteCondition.parse(request, attributes);
        attributes.requireAllUsed();

        Table table = catalog.require(tableName);
        KeyValidator.requireItem(table.keySchema(), item);
        WriteOutcome outcome = table.write(table.keyOf(item), current -> {
            condition.check(current);
            return item;
        });

        ObjectNode response = Json.object();
        if (returnValue == ReturnValue.ALL_OLD && outcome.before() != null) {
            response.set("Attributes", AttributeValueJson.writeItem(outcome.before().attributes()));
        }
        ConsumedCapacity.addTo(response, request, tableName,
                ConsumedCapacity.writeUnits(Math.max(outcome.after().sizeBytes(),
                        outcome.before() == null ? 0 : outcome.before().sizeBytes())));
        return response;
    }
}
