package dev.shardbridge.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes attribute values in DynamoDB's JSON shape ({@code {"S":"x"}}, {@code {"N":"1"}},
 * binary as base64), enforcing the rules DynamoDB applies on input with AWS's messages.
 */
public final class AttributeValueJson {
    /** DynamoDB rejects documents nested deeper than this. */
    public static final int MAX_NESTING_DEPTH = 32;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AttributeValueJson() {
    }

    /** Reads an item (a JSON object of attribute name to value). */
    public static Map<String, AttributeValue> readItem(JsonNode node) {
        if (node.isArray()) {
            throw mapGivenList();
        }
        if (!node.isObject()) {
            throw DynamoDbException.serialization("Unexpected field type");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>(node.size() * 2);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            item.put(field.getKey(), read(field.getValue(), 0));
        }
        return item;
    }

    /** Attribute names, nested ones included, are at least one character long (AWS's naming rules). */
    public static void requireAttributeName(String name) {
        if (name.isEmpty()) {
            throw DynamoDbException.validation("Empty attribute name");
        }
    }

    public static AttributeValue read(JsonNode node) {
        return read(node, 0);
    }

    private static AttributeValue read(JsonNode node, int depth) {
        if (depth > MAX_NESTING_DEPTH) {
            throw DynamoDbException.validation("Nesting Levels have exceeded supported limits");
        }
        requireObject(node, "AttributeValue");
        if (node.isEmpty()) {
            throw emptyValue();
        }
        AttributeValue result = null;
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            AttributeType type = AttributeType.fromDescriptor(field.getKey());
            JsonNode body = field.getValue();
            if (type == null || body.isNull()) {
                continue; // unknown members and explicit nulls are ignored, as AWS's parser does
            }
            if (result != null) {
                throw DynamoDbException.validation("Supplied AttributeValue has more than one datatypes set, "
                        + "must contain exactly one of the supported datatypes");
            }
            result = readTyped(type, body, depth);
        }
        if (result == null) {
            throw emptyValue();
        }
        return result;
    }

    private static AttributeValue readTyped(AttributeType type, JsonNode body, int depth) {
        return switch (type) {
            case S -> new AttributeValue.StringValue(text(body, "String"));
            case N -> AttributeValue.NumberValue.parse(text(body, "String"));
            case B -> new AttributeValue.BinaryValue(binary(body));
            case BOOL -> AttributeValue.BoolValue.of(bool(body));
            case NULL -> {
                if (!bool(body)) {
                    throw DynamoDbException.invalidParameter("Null attribute value types must have the value of true");
                }
                yield AttributeValue.NullValue.INSTANCE;
            }
            case M -> {
                requireMap(body);
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> entries = body.fields();
                while (entries.hasNext()) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    requireAttributeName(entry.getKey());
                    map.put(entry.getKey(), read(entry.getValue(), depth + 1));
                }
                yield new AttributeValue.MapValue(map);
            }
            case L -> {
                requireArray(body, "List");
                List<AttributeValue> list = new ArrayList<>(body.size());
                for (JsonNode element : body) {
                    list.add(read(element, depth + 1));
                }
                yield new AttributeValue.ListValue(list);
            }
            case SS -> readStringSet(body);
            case NS -> readNumberSet(body);
            case BS -> readBinarySet(body);
        };
    }

    private static AttributeValue readStringSet(JsonNode body) {
        requireArray(body, "List");
        if (body.isEmpty()) {
            throw DynamoDbException.invalidParameter("An string set  may not be empty");
        }
        Set<String> set = new LinkedHashSet<>();
        List<String> given = new ArrayList<>();
        for (JsonNode element : body) {
            String s = text(element, "String");
            given.add(s);
            set.add(s);
        }
        requireDistinct(set.size(), given);
        return new AttributeValue.StringSetValue(set);
    }

    private static AttributeValue readNumberSet(JsonNode body) {
        requireArray(body, "List");
        if (body.isEmpty()) {
            throw DynamoDbException.invalidParameter("An number set  may not be empty");
        }
        Set<BigDecimal> set = new LinkedHashSet<>();
        List<String> given = new ArrayList<>();
        for (JsonNode element : body) {
            String text = text(element, "String");
            given.add(text);
            set.add(DynamoNumber.parse(text));
        }
        if (set.size() != given.size()) {
            // AWS words duplicate numbers differently from duplicate strings and binaries.
            throw DynamoDbException.validation("Input collection contains duplicates");
        }
        return new AttributeValue.NumberSetValue(set);
    }

    private static AttributeValue readBinarySet(JsonNode body) {
        requireArray(body, "List");
        if (body.isEmpty()) {
            throw DynamoDbException.invalidParameter("Binary sets should not be empty");
        }
        Set<ByteString> set = new LinkedHashSet<>();
        List<String> given = new ArrayList<>();
        for (JsonNode element : body) {
            ByteString b = binary(element);
            given.add(b.toBase64());
            set.add(b);
        }
        if (set.size() != given.size()) {
            throw DynamoDbException.invalidParameter(
                    "Input collection " + bracketed(given) + "of type BS contains duplicates.");
        }
        return new AttributeValue.BinarySetValue(set);
    }

    private static void requireDistinct(int distinct, List<String> given) {
        if (distinct != given.size()) {
            throw DynamoDbException.invalidParameter("Input collection " + bracketed(given) + " contains duplicates.");
        }
    }

    private static String bracketed(List<String> members) {
        return "[" + String.join(", ", members) + "]";
    }

    private static DynamoDbException emptyValue() {
        return DynamoDbException.validation(
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }

    private static String text(JsonNode node, String expected) {
        if (!node.isTextual()) {
            throw mismatch(node, expected);
        }
        return node.textValue();
    }

    /**
     * A boolean member. AWS's JSON layer also converts the strings true/false, 1/0 and yes/no (in any
     * case), as clients that send every scalar as a string rely on.
     */
    private static boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            switch (node.textValue().toUpperCase(Locale.ROOT)) {
                case "TRUE", "1", "YES" -> {
                    return true;
                }
                case "FALSE", "0", "NO" -> {
                    return false;
                }
                default -> throw DynamoDbException.serialization("Unexpected token received from parser");
            }
        }
        throw mismatch(node, "Boolean");
    }

    /** Binary is strict base64 on the wire; AWS's JSON layer rejects anything else with these words. */
    private static ByteString binary(JsonNode node) {
        String text = text(node, "Blob");
        if (text.length() % 4 != 0) {
            throw DynamoDbException.serialization(
                    "Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
        }
        try {
            return ByteString.wrap(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw DynamoDbException.serialization("Invalid last non-pad Base64 character dectected");
        }
    }

    /** A map member given a list: AWS's JSON layer names the Java type it tried to build. */
    private static void requireMap(JsonNode node) {
        if (node.isArray()) {
            throw mapGivenList();
        }
        requireObject(node, "Map");
    }

    private static DynamoDbException mapGivenList() {
        return DynamoDbException.serialization("Unrecognized collection type java.util.Map<java.lang.String, "
                + "com.amazonaws.dynamodb.v20120810.AttributeValue>");
    }

    private static void requireObject(JsonNode node, String expected) {
        if (!node.isObject()) {
            throw mismatch(node, expected);
        }
    }

    private static void requireArray(JsonNode node, String expected) {
        if (!node.isArray()) {
            throw mismatch(node, expected);
        }
    }

    /** AWS's JSON layer reports a wrong JSON type with the token it found and the type it wanted. */
    public static DynamoDbException mismatch(JsonNode node, String expected) {
        String found = switch (node.getNodeType()) {
            case STRING -> "STRING_VALUE";
            case NUMBER -> "NUMBER_VALUE";
            case BOOLEAN -> "BOOLEAN_VALUE";
            case ARRAY -> "Start of list";
            case OBJECT -> "Start of structure or map";
            default -> "NULL_VALUE";
        };
        if (node.isArray() || node.isObject()) {
            return DynamoDbException.serialization(found + " found where not expected");
        }
        return DynamoDbException.serialization(found + " cannot be converted to " + expected);
    }

    /** Writes an item as a JSON object. */
    public static ObjectNode writeItem(Map<String, AttributeValue> item) {
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            node.set(attribute.getKey(), write(attribute.getValue()));
        }
        return node;
    }

    public static ObjectNode write(AttributeValue value) {
        ObjectNode node = NODES.objectNode();
        switch (value.type()) {
            case S -> node.put("S", ((AttributeValue.StringValue) value).value());
            case N -> node.put("N", ((AttributeValue.NumberValue) value).text());
            case B -> node.put("B", ((AttributeValue.BinaryValue) value).value().toBase64());
            case BOOL -> node.put("BOOL", ((AttributeValue.BoolValue) value).value());
            case NULL -> node.put("NULL", true);
            case M -> node.set("M", writeItem(((AttributeValue.MapValue) value).value()));
            case L -> {
                ArrayNode list = node.putArray("L");
                for (AttributeValue element : ((AttributeValue.ListValue) value).value()) {
                    list.add(write(element));
                }
            }
            case SS -> {
                ArrayNode set = node.putArray("SS");
                ((AttributeValue.StringSetValue) value).value().forEach(set::add);
            }
            case NS -> {
                ArrayNode set = node.putArray("NS");
                ((AttributeValue.NumberSetValue) value).value().forEach(n -> set.add(DynamoNumber.format(n)));
            }
            case BS -> {
                ArrayNode set = node.putArray("BS");
                ((AttributeValue.BinarySetValue) value).value().forEach(b -> set.add(b.toBase64()));
            }
        }
        return node;
    }
}
