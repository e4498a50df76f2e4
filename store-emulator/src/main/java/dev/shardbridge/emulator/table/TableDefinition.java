package dev.shardbridge.emulator.table;

import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.KeySchema;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything declared about a table. Immutable: UpdateTable replaces it.
 *
 * @param attributeDefinitions the declared attributes (name to type), in declaration order
 * @param payPerRequestSince   when the table last became on-demand, or null if it never was; AWS keeps
 *                             reporting it ({@code BillingModeSummary}) after a switch back to provisioned
 */
public record TableDefinition(String name, String arn, String id, KeySchema keySchema,
                              Map<String, AttributeType> attributeDefinitions, BillingMode billingMode,
                              ProvisionedThroughput throughput, StreamSpecification stream,
                              Instant createdAt, Instant payPerRequestSince) {

    public TableDefinition {
        attributeDefinitions = Collections.unmodifiableMap(new LinkedHashMap<>(attributeDefinitions));
    }

    /** A new table's definition: on-demand since its creation if created on-demand. */
    public static TableDefinition created(String name, String arn, String id, KeySchema keySchema,
                                          Map<String, AttributeType> attributeDefinitions, BillingMode billingMode,
                                          ProvisionedThroughput throughput, StreamSpecification stream,
                                          Instant createdAt) {
        return new TableDefinition(name, arn, id, keySchema, attributeDefinitions, billingMode, throughput, stream,
                createdAt, billingMode == BillingMode.PAY_PER_REQUEST ? createdAt : null);
    }

    /** The definition with new billing; {@code now} is recorded when the table becomes on-demand. */
    public TableDefinition withBilling(BillingMode mode, ProvisionedThroughput newThroughput, Instant now) {
        Instant since = mode == BillingMode.PAY_PER_REQUEST && billingMode != BillingMode.PAY_PER_REQUEST
                ? now : payPerRequestSince;
        return new TableDefinition(name, arn, id, keySchema, attributeDefinitions, mode, newThroughput, stream,
                createdAt, since);
    }

    public TableDefinition withStream(StreamSpecification newStream) {
        return new TableDefinition(name, arn, id, keySchema, attributeDefinitions, billingMode, throughput,
                newStream, createdAt, payPerRequestSince);
    }
}
