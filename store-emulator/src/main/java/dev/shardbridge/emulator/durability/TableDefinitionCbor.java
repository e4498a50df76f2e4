package dev.shardbridge.emulator.durability;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.KeySchema;
import dev.shardbridge.emulator.table.BillingMode;
import dev.shardbridge.emulator.table.ProvisionedThroughput;
import dev.shardbridge.emulator.table.StreamSpecification;
import dev.shardbridge.emulator.table.StreamViewType;
import dev.shardbridge.emulator.table.TableDefinition;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Table definitions (and the key schemas streams share) in CBOR, every component written out. */
final class TableDefinitionCbor {

    private TableDefinitionCbor() {
    }

    static void write(JsonGenerator out, TableDefinition definition) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", definition.name());
        out.writeStringField("arn", definition.arn());
        out.writeStringField("id", definition.id());
        out.writeFieldName("key");
        writeKeySchema(out, definition.keySchema());
        out.writeObjectFieldStart("attributes");
        for (Map.Entry<String, AttributeType> attribute : definition.attributeDefinitions().entrySet()) {
            out.writeStringField(attribute.getKey(), attribute.getValue().name());
        }
        out.writeEndObject();
        out.writeStringField("billing", definition.billingMode().name());
        ProvisionedThroughput throughput = definition.throughput();
        if (throughput != null) {
            out.writeNumberField("readUnits", throughput.readCapacityUnits());
            out.writeNumberField("writeUnits", throughput.writeCapacityUnits());
        }
        out.writeBooleanField("streamEnabled", definition.stream().enabled());
        if (definition.stream().viewType() != null) {
            out.writeStringField("streamView", definition.stream().viewType().name());
        }
        writeInstant(out, "created", definition.createdAt());
        writeInstant(out, "payPerRequestSince", definition.payPerRequestSince());
        out.writeEndObject();
    }

    static TableDefinition read(JsonNode node) {
        Map<String, AttributeType> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.get("attributes").properties()) {
            attributes.put(field.getKey(), AttributeType.valueOf(field.getValue().textValue()));
        }
        ProvisionedThroughput throughput = node.has("readUnits")
                ? new ProvisionedThroughput(node.get("readUnits").longValue(), node.get("writeUnits").longValue())
                : null;
        JsonNode view = node.get("streamView");
        StreamSpecification stream = new StreamSpecification(node.get("streamEnabled").booleanValue(),
                view == null ? null : StreamViewType.valueOf(view.textValue()));
        return new TableDefinition(node.get("name").textValue(), node.get("arn").textValue(),
                node.get("id").textValue(), readKeySchema(node.get("key")), attributes,
                BillingMode.valueOf(node.get("billing").textValue()), throughput, stream,
                readInstant(node.get("created")), readInstant(node.get("payPerRequestSince")));
    }

    static void writeKeySchema(JsonGenerator out, KeySchema schema) throws IOException {
        out.writeStartObject();
        out.writeStringField("hash", schema.partitionKey());
        out.writeStringField("hashType", schema.partitionKeyType().name());
        if (schema.hasSortKey()) {
            out.writeStringField("range", schema.sortKey());
            out.writeStringField("rangeType", schema.sortKeyType().name());
        }
        out.writeEndObject();
    }

    static KeySchema readKeySchema(JsonNode node) {
        JsonNode range = node.get("range");
        return new KeySchema(node.get("hash").textValue(), AttributeType.valueOf(node.get("hashType").textValue()),
                range == null ? null : range.textValue(),
                range == null ? null : AttributeType.valueOf(node.get("rangeType").textValue()));
    }

    /** Seconds and nanoseconds, so any instant comes back exactly; absent when null. */
    private static void writeInstant(JsonGenerator out, String field, Instant instant) throws IOException {
        if (instant != null) {
            out.writeArrayFieldStart(field);
            out.writeNumber(instant.getEpochSecond());
            out.writeNumber(instant.getNano());
            out.writeEndArray();
        }
    }

    private static Instant readInstant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.ofEpochSecond(node.get(0).longValue(), node.get(1).longValue());
    }
}
