package dev.shardbridge.emulator.operation.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.table.TableCatalog;

/** DeleteTable: the table is gone at once; the response shows it DELETING, as AWS's does. */
public final class DeleteTable implements Operation {
    private final TableCatalog catalog;

    public DeleteTable(TableCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "DeleteTable";
    }

    @Override
    public ObjectNode execute(Request request) {
        String tableName = request.string("TableName");
        new ConstraintViolations().tableName(tableName, "tableName").throwIfAny();
        ObjectNode response = Json.object();
        response.set("TableDescription", TableDescriptions.describe(catalog.delete(tableName), "DELETING"));
        return response;
    }
}
