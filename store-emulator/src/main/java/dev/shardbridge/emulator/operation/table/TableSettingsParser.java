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

/**
 * Parses the settings that CreateTable and UpdateTable share: billing, throughput and stream. Shape
 * problems (enums, ranges, missing members) are collected into the caller's {@link ConstraintViolations},
 * because AWS reports them together and before any semantic check; the semantic checks, whose wording
 * differs between the two operations, are separate methods.
 */
final class TableSettingsParser {
    private static final List<String> BILLING_MODES = List.of("PROVISIONED", "PAY_PER_REQUEST");
    private static final List<String> VIEW_TYPES = List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");
    private static final String INVALID = "One or more parameter values were invalid: ";

    private TableSettingsParser() {
    }

    /** The billing mode named in the request, or null when absent or invalid. */
    static BillingMode billingMode(Request request, ConstraintViolations violations) {
        String mode = request.string("BillingMode");
        violations.oneOf(mode, "billingMode", BILLING_MODES);
        return mode == null || !BILLING_MODES.contains(mode) ? null : BillingMode.valueOf(mode);
    }

    /** The throughput named in the request, or null when absent or invalid. */
    static ProvisionedThroughput throughput(Request request, ConstraintViolations violations) {
        ObjectNode node = request.object("ProvisionedThroughput");
        if (node == null) {
            return null;
        }
        Request throughput = new Request(node);
        Long read = throughput.longValue("ReadCapacityUnits");
        Long write = throughput.longValue("WriteCapacityUnits");
        violations.notNull(read, "provisionedThroughput.readCapacityUnits")
                .notNull(write, "provisionedThroughput.writeCapacityUnits");
        boolean valid = read != null && write != null && read >= 1 && write >= 1;
        if (read != null && read < 1) {
            violations.add(read, "provisionedThroughput.readCapacityUnits",
                    "Member must have value greater than or equal to 1");
        }
        if (write != null && write < 1) {
            violations.add(write, "provisionedThroughput.writeCapacityUnits",
                    "Member must have value greater than or equal to 1");
        }
        return valid ? new ProvisionedThroughput(read, write) : null;
    }

    /**
     * The stream specification as requested, or null when absent or invalid. Not yet checked for
     * consistency: {@code enabled=false} may still carry a view type here.
     */
    static StreamSpecification stream(Request request, ConstraintViolations violations) {
        ObjectNode node = request.object("StreamSpecification");
        if (node == null) {
            return null;
        }
        Request stream = new Request(node);
        Boolean enabled = stream.bool("StreamEnabled");
        String viewType = stream.string("StreamViewType");
        violations.notNull(enabled, "streamSpecification.streamEnabled")
                .oneOf(viewType, "streamSpecification.streamViewType", VIEW_TYPES);
        if (enabled == null || viewType != null && !VIEW_TYPES.contains(viewType)) {
            return null;
        }
        return new StreamSpecification(enabled, viewType == null ? null : StreamViewType.valueOf(viewType));
    }

    /** CreateTable's billing rules; answers the throughput to store. */
    static ProvisionedThroughput checkCreateBilling(BillingMode mode, ProvisionedThroughput throughput) {
        if (mode == BillingMode.PAY_PER_REQUEST) {
            if (throughput != null) {
                throw DynamoDbException.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                        + "specified when BillingMode is PAY_PER_REQUEST");
            }
            return ProvisionedThroughput.ON_DEMAND;
        }
        if (throughput == null) {
            throw DynamoDbException.validation(INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be "
                    + "specified when BillingMode is PROVISIONED");
        }
        return throughput;
    }

    /** CreateTable's stream rules (AWS words them differently from UpdateTable's). */
    static StreamSpecification checkCreateStream(StreamSpecification requested) {
        if (requested == null) {
            return StreamSpecification.DISABLED;
        }
        if (requested.enabled() && requested.viewType() == null) {
            throw DynamoDbException.validation(
                    INVALID + "Table is being created with a stream enabled, UpdateViewType is required");
        }
        if (!requested.enabled() && requested.viewType() != null) {
            throw DynamoDbException.validation(
                    INVALID + "Table is being created with a stream disabled, UpdateViewType should not be specified");
        }
        return requested.enabled() ? requested : StreamSpecification.DISABLED;
    }

    /** UpdateTable's stream rules against the table's current stream; answers the new setting. */
    static StreamSpecification checkUpdateStream(StreamSpecification requested, StreamSpecification current,
                                                 String tableName) {
        if (requested.enabled() && requested.viewType() == null) {
            throw DynamoDbException.validation(INVALID + "If stream is being enabled then UpdateViewType is required");
        }
        if (!requested.enabled() && requested.viewType() != null) {
            throw DynamoDbException.validation(
                    INVALID + "If stream is being disabled, then UpdateViewType must not be specified");
        }
        // A view type cannot change in place: the stream has to be disabled and enabled again.
        if (requested.enabled() && current.enabled()) {
            throw DynamoDbException.validation("Table already has an enabled stream: TableName: " + tableName);
        }
        if (!requested.enabled() && !current.enabled()) {
            throw DynamoDbException.validation("Table has no stream to disable: TableName: " + tableName);
        }
        return requested.enabled() ? requested : StreamSpecification.DISABLED;
    }
}
