package dev.shardbridge.emulator.operation.item;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.operation.KeyValidator;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableCatalog;

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
        ConditionalWrite write = ConditionalWrite.parse(request, "Item");
        Table table = catalog.require(write.tableName());
        KeyValidator.requireItem(table.keySchema(), write.attributes());
        return write.response(request, write.apply(table, table.keyOf(write.attributes()), write.attributes()));
    }
}
