package dev.shardbridge.emulator.operation.item;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.operation.KeyValidator;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableCatalog;

/** DeleteItem: removes one item, optionally under a condition. */
public final class DeleteItem implements Operation {
    private final TableCatalog catalog;

    public DeleteItem(TableCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "DeleteItem";
    }

    @Override
    public ObjectNode execute(Request request) {
        ConditionalWrite write = ConditionalWrite.parse(request, "Key");
        Table table = catalog.require(write.tableName());
        KeyValidator.requireKey(table.keySchema(), write.attributes());
        return write.response(request, write.apply(table, table.keyOf(write.attributes()), null));
    }
}
