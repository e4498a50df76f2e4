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
import java.time.Clock;
import java.time.Instant;

/** UpdateTable: billing mode, provisioned throughput and the stream setting. */
public final class UpdateTable implements Operation {
    /** AWS lists every member that would make the request an update; this is its current wording. */
    static final String NOTHING_TO_UPDATE = "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
            + "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, "
            + "ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, "
            + "WarmThroughput or TableClass is required";
    private static final String INVALID = "One or more parameter values were invalid: ";

    private final TableCatalog catalog;
    private final Clock clock;

    public UpdateTable(TableCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "UpdateTable";
    }

    @Override
    public ObjectNode execute(Request request) {
        String tableName = request.string("TableName");
        ConstraintViolations violations = new ConstraintViolations().tableName(tableName, "tableName");
        BillingMode billingMode = TableSettingsParser.billingMode(request, violations);
        ProvisionedThroughput throughput = TableSettingsParser.throughput(request, violations);
        StreamSpecification stream = TableSettingsParser.stream(request, violations);
        violations.throwIfAny();
        if (!request.has("BillingMode") && !request.has("ProvisionedThroughput")
                && !request.has("StreamSpecification")) {
            throw DynamoDbException.validation(NOTHING_TO_UPDATE);
        }
        Instant now = clock.instant();
        var table = catalog.redefine(tableName, current -> apply(current, billingMode, throughput, stream, now));
        ObjectNode response = Json.object();
        response.set("TableDescription", TableDescriptions.describe(table, "ACTIVE"));
        return response;
    }

    private static TableDefinition apply(TableDefinition current, BillingMode billingMode,
                                         ProvisionedThroughput throughput, StreamSpecification stream, Instant now) {
        TableDefinition updated = current;
        if (billingMode != null || throughput != null) {
            BillingMode mode = billingMode == null ? current.billingMode() : billingMode;
            updated = updated.withBilling(mode, newThroughput(current, mode, throughput), now);
        }
        if (stream != null) {
            updated = updated.withStream(TableSettingsParser.checkUpdateStream(stream, current.stream(),
                    current.name()));
        }
        return updated;
    }

    private static ProvisionedThroughput newThroughput(TableDefinition current, BillingMode mode,
                                                       ProvisionedThroughput requested) {
        if (mode == BillingMode.PAY_PER_REQUEST) {
            if (requested != null) {
                throw DynamoDbException.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can "
                        + "be specified when BillingMode is PAY_PER_REQUEST");
            }
            return ProvisionedThroughput.ON_DEMAND;
        }
        if (current.billingMode() == BillingMode.PAY_PER_REQUEST) {
            if (requested == null) {
                throw DynamoDbException.validation(
                        INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
            }
            return requested;
        }
        if (requested == null) {
            return current.throughput();
        }
        ProvisionedThroughput before = current.throughput();
        if (requested.equals(before)) {
            throw DynamoDbException.validation("The provisioned throughput for the table will not change. The "
                    + "requested value equals the current value. Current ReadCapacityUnits provisioned for the table: "
                    + before.readCapacityUnits() + ". Requested ReadCapacityUnits: " + requested.readCapacityUnits()
                    + ". Current WriteCapacityUnits provisioned for the table: " + before.writeCapacityUnits()
                    + ". Requested WriteCapacityUnits: " + requested.writeCapacityUnits() + ". Refer to the Amazon "
                    + "DynamoDB Developer Guide for current limits and how to request higher limits.");
        }
        return requested;
    }
}
