package dev.shardbridge.emulator.durability;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.ByteString;
import dev.shardbridge.emulator.model.DynamoNumber;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attribute values in CBOR, shaped like DynamoDB's JSON ({@code {"S": "x"}}) so a dump reads familiar,
 * but with binary as CBOR byte strings. Numbers are kept as their exact decimal text.
 */
final class AttributeValueCbor {

    private AttributeValueCbor() {
    }

    static void writeItem(JsonGenerator out, Map<String, AttributeValue> item) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            out.writeFieldName(attribute.getKey());
            write(out, attribute.getValue());
        }
        out.writeEndObject();
    }

    static void write(JsonGenerator out, AttributeValue value) throws IOException {
        out.writeStartObject();
        out.writeFieldName(value.type().name());
        switch (value.type()) {
            case S -> out.writeString(((AttributeValue.StringValue) value).value());
            case N -> out.writeString(((AttributeValue.NumberValue) value).text());
            case B -> out.writeBinary(((AttributeValue.BinaryValue) value).value().toByteArray());
            case BOOL -> out.writeBoolean(((AttributeValue.BoolValue) value).value());
            case NULL -> out.writeBoolean(true);
            case M -> writeItem(out, ((AttributeValue.MapValue) value).value());
            case L -> {
                out.writeStartArray();
                for (AttributeValue element : ((AttributeValue.ListValue) value).value()) {
                    write(out, element);
                }
                out.writeEndArray();
            }
            case SS -> {
                out.writeStartArray();
                for (String element : ((AttributeValue.StringSetValue) value).value()) {
                    out.writeString(element);
                }
                out.writeEndArray();
            }
            case NS -> {
                out.writeStartArray();
                for (BigDecimal element : ((AttributeValue.NumberSetValue) value).value()) {
                    out.writeString(DynamoNumber.format(element));
                }
                out.writeEndArray();
            }
            case BS -> {
                out.writeStartArray();
                for (ByteString element : ((AttributeValue.BinarySetValue) value).value()) {
                    out.writeBinary(element.toByteArray());
                }
                out.writeEndArray();
            }
            default -> throw new IllegalStateException("unknown attribute type " + value.type());
        }
        out.writeEndObject();
    }

    /** An item, or null when the node is absent or CBOR null. */
    static Map<String, AttributeValue> readItem(JsonNode node) throws IOException {
        if (node == null || node.isNull()) {
            return null;
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>(node.size() * 2);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            item.put(field.getKey(), read(field.getValue()));
        }
        return item;
    }

    /** A value, or null when the node is absent or CBOR null. */
    static AttributeValue read(JsonNode node) throws IOException {
        if (node == null || node.isNull()) {
            return null;
        }
        Map.Entry<String, JsonNode> only = node.properties().iterator().next();
        JsonNode body = only.getValue();
        AttributeType type = AttributeType.fromDescriptor(only.getKey());
        if (type == null) {
            throw new IOException("unknown attribute type " + only.getKey());
        }
        return switch (type) {
            case S -> new AttributeValue.StringValue(body.textValue());
            case N -> new AttributeValue.NumberValue(DynamoNumber.parse(body.textValue()));
            case B -> new AttributeValue.BinaryValue(ByteString.wrap(body.binaryValue()));
            case BOOL -> AttributeValue.BoolValue.of(body.booleanValue());
            case NULL -> AttributeValue.NullValue.INSTANCE;
            case M -> new AttributeValue.MapValue(readItem(body));
            case L -> new AttributeValue.ListValue(readList(body));
            case SS -> new AttributeValue.StringSetValue(readStrings(body));
            case NS -> new AttributeValue.NumberSetValue(readNumbers(body));
            case BS -> new AttributeValue.BinarySetValue(readBinaries(body));
        };
    }

    private static List<AttributeValue> readList(JsonNode body) throws IOException {
        List<AttributeValue> values = new ArrayList<>(body.size());
        for (JsonNode element : body) {
            values.add(read(element));
        }
        return values;
    }

    private static Set<String> readStrings(JsonNode body) {
        Set<String> values = new LinkedHashSet<>();
        body.forEach(element -> values.add(element.textValue()));
        return values;
    }

    private static Set<BigDecimal> readNumbers(JsonNode body) {
        Set<BigDecimal> values = new LinkedHashSet<>();
        body.forEach(element -> values.add(DynamoNumber.parse(element.textValue())));
        return values;
    }

    private static Set<ByteString> readBinaries(JsonNode body) throws IOException {
        Set<ByteString> values = new LinkedHashSet<>();
        for (JsonNode element : body) {
            values.add(ByteString.wrap(element.binaryValue()));
        }
        return values;
    }
}
