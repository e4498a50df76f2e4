package dev.shardbridge.emulator.table;

import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.KeySchema;
import java.time.Instant;
import java.util.Map;

/**
 * Everything declared about a table. Immutable: UpdateTable replaces it.
 *
 * @param attributeDefinitions the declared attributes (name to type), in declaration order
 */
public record TableDefinition(String name, String arn, String id, KeySchema keySchema,
                              Map<String, AttributeType> attributeDefinitions, BillingMode billingMode,
                              ProvisionedThroughput throughput, StreamSpecification stream,
                              Instant createdAt) {

    public TableDefinition {
        attributeDefinitions = java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(attributeDefinitions));
    }

    public TableDefinition withBilling(BillingMode mode, ProvisionedThroughput newThroughput) {
        return new TableDefinition(name, arn, id, keySchema, attributeDefinitions, mode, newThroughput, stream,
                createdAt);
    }

    public TableDefinition withStream(StreamSpecification newStream) {
        return new TableDefinition(name, arn, id, keySchema, attributeDefinitions, billingMode, throughput,
                newStream, createdAt);
    }
}
