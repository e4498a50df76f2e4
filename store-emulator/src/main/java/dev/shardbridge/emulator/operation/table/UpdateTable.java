package dev.shardbridge.emulator.operation.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.table.BillingMode;
import dev.shardbridge.emulator.table.ProvisionedThroughput;
import dev.shardbridge.emulator.table.StreamSpecification;
import dev.shardbridge.emulator.table.TableCatalog;
import dev.shardbridge.emulator.table.TableDefinition;

/** UpdateTable: billing mode, provisioned throughput and the stream setting. */
public final class UpdateTable implements Operation {
    private final TableCatalog catalog;

    public UpdateTable(TableCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "UpdateTable";
    }

    @Override
    public ObjectNode execute(Request request) {
        String tableName = request.string("TableName");
        new ConstraintViolations().tableName(tableName, "tableName").throwIfAny();
        BillingMode billingMode = TableSettingsParser.billingMode(request);
        ProvisionedThroughput throughput = TableSettingsParser.throughput(request);
        StreamSpecification stream = TableSettingsParser.stream(request);
        if (billingMode == null && throughput == null && stream == null) {
            throw DynamoDbException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        var table = catalog.redefine(tableName, current -> apply(current, billingMode, throughput, stream));
        ObjectNode response = Json.object();
        response.set("TableDescription", TableDescriptions.describe(table, "ACTIVE"));
        return response;
    }

    private static TableDefinition apply(TableDefinition current, BillingMode billingMode,
                                         ProvisionedThroughput throughput, StreamSpecification stream) {
        TableDefinition updated = current;
        if (billingMode != null || throughput != null) {
            BillingMode mode = billingMode == null ? current.billingMode() : billingMode;
            ProvisionedThroughput newThroughput = mode == BillingMode.PAY_PER_REQUEST && throughput == null
                    ? null : throughput == null ? current.throughput() : throughput;
            updated = updated.withBilling(mode, TableSettingsParser.checkBilling(mode, newThroughput));
        }
        if (stream != null) {
            if (stream.enabled() && current.stream().enabled()) {
                throw DynamoDbException.validation("Table already has an enabled stream: TableName: " + current.name());
            }
            if (!stream.enabled() && !current.stream().enabled()) {
                throw DynamoDbException.validation("Table already has no stream: TableName: " + current.name());
            }
            updated = updated.withStream(stream);
        }
        return updated;
    }
}
