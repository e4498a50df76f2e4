package dev.shardbridge.emulator.operation.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.table.BillingMode;
import dev.shardbridge.emulator.table.ProvisionedThroughput;
import dev.shardbridge.emulator.table.StreamSpecification;
import dev.shardbridge.emulator.table.StreamViewType;
import java.util.List;

/** Parses the settings that CreateTable and UpdateTable share: billing, throughput and stream. */
final class TableSettingsParser {
    private static final List<String> BILLING_MODES = List.of("PROVISIONED", "PAY_PER_REQUEST");
    private static final List<String> VIEW_TYPES = List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");

    private TableSettingsParser() {
    }

    /** The billing mode named in the request, or null when absent. */
    static BillingMode billingMode(Request request) {
        String mode = request.string("BillingMode");
        new ConstraintViolations().oneOf(mode, "billingMode", BILLING_MODES).throwIfAny();
        return mode == null ? null : BillingMode.valueOf(mode);
    }

    /** The throughput named in the request, or null when absent. */
    static ProvisionedThroughput throughput(Request request) {
        ObjectNode node = request.object("ProvisionedThroughput");
        if (node == null) {
            return null;
        }
        Request throughput = new Request(node);
        Long read = throughput.longValue("ReadCapacityUnits");
        Long write = throughput.longValue("WriteCapacityUnits");
        ConstraintViolations violations = new ConstraintViolations()
                .notNull(read, "provisionedThroughput.readCapacityUnits")
                .notNull(write, "provisionedThroughput.writeCapacityUnits");
        if (read != null && read < 1) {
            violations.add(read, "provisionedThroughput.readCapacityUnits", "Member must have value greater than or equal to 1");
        }
        if (write != null && write < 1) {
            violations.add(write, "provisionedThroughput.writeCapacityUnits", "Member must have value greater than or equal to 1");
        }
        violations.throwIfAny();
        return new ProvisionedThroughput(read, write);
    }

    /** Checks that billing mode and throughput agree, and returns the throughput to store. */
    static ProvisionedThroughput checkBilling(BillingMode mode, ProvisionedThroughput throughput) {
        if (mode == BillingMode.PAY_PER_REQUEST) {
            if (throughput != null) {
                throw DynamoDbException.invalidParameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                        + "specified when BillingMode is PAY_PER_REQUEST");
            }
            return ProvisionedThroughput.ON_DEMAND;
        }
        if (throughput == null) {
            throw DynamoDbException.invalidParameter("ReadCapacityUnits and WriteCapacityUnits must both be "
                    + "specified when BillingMode is PROVISIONED");
        }
        return throughput;
    }

    /** The stream specification named in the request, or null when absent. */
    static StreamSpecification stream(Request request) {
        ObjectNode node = request.object("StreamSpecification");
        if (node == null) {
            return null;
        }
        Request stream = new Request(node);
        Boolean enabled = stream.bool("StreamEnabled");
        String viewType = stream.string("StreamViewType");
        new ConstraintViolations()
                .notNull(enabled, "streamSpecification.streamEnabled")
                .oneOf(viewType, "streamSpecification.streamViewType", VIEW_TYPES)
                .throwIfAny();
        if (enabled && viewType == null) {
            throw DynamoDbException.validation(
                    "One or more parameter values were invalid: You must specify a StreamViewType when enabling a stream");
        }
        if (!enabled && viewType != null) {
            throw DynamoDbException.validation(
                    "One or more parameter values were invalid: You cannot specify a StreamViewType when disabling a stream");
        }
        return enabled ? new StreamSpecification(true, StreamViewType.valueOf(viewType)) : StreamSpecification.DISABLED;
    }
}
