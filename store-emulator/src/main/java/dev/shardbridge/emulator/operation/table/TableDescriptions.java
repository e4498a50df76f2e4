package dev.shardbridge.emulator.operation.table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.model.KeySchema;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.table.LatestStream;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableDefinition;

/** Renders a table as the {@code TableDescription} structure of the control-plane responses. */
public final class TableDescriptions {

    private TableDescriptions() {
    }

    public static ObjectNode describe(Table table, String status) {
        TableDefinition definition = table.definition();
        ObjectNode node = Json.object();
        ArrayNode attributes = node.putArray("AttributeDefinitions");
        definition.attributeDefinitions().forEach((name, type) ->
                attributes.addObject().put("AttributeName", name).put("AttributeType", type.name()));
        node.put("TableName", definition.name());
        node.set("KeySchema", keySchema(definition.keySchema()));
        node.put("TableStatus", status);
        node.put("CreationDateTime", definition.createdAt().toEpochMilli() / 1000.0);
        ObjectNode throughput = node.putObject("ProvisionedThroughput");
        throughput.put("NumberOfDecreasesToday", 0);
        throughput.put("ReadCapacityUnits", definition.throughput().readCapacityUnits());
        throughput.put("WriteCapacityUnits", definition.throughput().writeCapacityUnits());
        node.put("TableSizeBytes", table.sizeBytes());
        node.put("ItemCount", table.itemCount());
        node.put("TableArn", definition.arn());
        node.put("TableId", definition.id());
        if (definition.payPerRequestSince() != null) {
            node.putObject("BillingModeSummary").put("BillingMode", definition.billingMode().name())
                    .put("LastUpdateToPayPerRequestDateTime", definition.payPerRequestSince().toEpochMilli() / 1000.0);
        }
        if (definition.stream().enabled()) {
            node.putObject("StreamSpecification").put("StreamEnabled", true)
                    .put("StreamViewType", definition.stream().viewType().name());
        }
        LatestStream latest = table.latestStream();
        if (latest != null) {
            node.put("LatestStreamLabel", latest.label());
            node.put("LatestStreamArn", latest.arn());
        }
        node.put("DeletionProtectionEnabled", false);
        return node;
    }

    public static ArrayNode keySchema(KeySchema schema) {
        ArrayNode elements = Json.NODES.arrayNode();
        elements.addObject().put("AttributeName", schema.partitionKey()).put("KeyType", "HASH");
        if (schema.hasSortKey()) {
            elements.addObject().put("AttributeName", schema.sortKey()).put("KeyType", "RANGE");
        }
        return elements;
    }
}
