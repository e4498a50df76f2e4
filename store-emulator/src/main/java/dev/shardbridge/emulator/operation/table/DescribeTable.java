package dev.shardbridge.emulator.operation.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.table.TableCatalog;

/** DescribeTable. Tables are created instantly, so a described table is always ACTIVE. */
public final class DescribeTable implements Operation {
    private final TableCatalog catalog;

    public DescribeTable(TableCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "DescribeTable";
    }

    @Override
    public ObjectNode execute(Request request) {
        String tableName = request.string("TableName");
        new ConstraintViolations().tableName(tableName, "tableName").throwIfAny();
        ObjectNode response = Json.object();
        response.set("Table", TableDescriptions.describe(catalog.describe(tableName), "ACTIVE"));
        return response;
    }
}
