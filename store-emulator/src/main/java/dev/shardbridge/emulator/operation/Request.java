package dev.shardbridge.emulator.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.error.ErrorType;
import dev.shardbridge.emulator.expression.ExpressionAttributes;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.AttributeValueJson;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typed, validating access to one request body. Wrong JSON types answer SerializationException as
 * AWS's JSON layer does; missing required members answer ValidationException.
 */
public final class Request {
    private final ObjectNode body;

    public Request(ObjectNode body) {
        this.body = body;
    }

    public ObjectNode body() {
        return body;
    }

    public boolean has(String member) {
        JsonNode node = body.get(member);
        return node != null && !node.isNull();
    }

    /** A string member, or null when absent. */
    public String string(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw AttributeValueJson.mismatch(node, "String");
        }
        return node.textValue();
    }

    /** An integer member, or null when absent. */
    public Integer integer(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw AttributeValueJson.mismatch(node, "Integer");
        }
        return node.intValue();
    }

    /** A long member, or null when absent. */
    public Long longValue(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw AttributeValueJson.mismatch(node, "Long");
        }
        return node.longValue();
    }

    /** A boolean member, or null when absent. */
    public Boolean bool(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw AttributeValueJson.mismatch(node, "Boolean");
        }
        return node.booleanValue();
    }

    /** An object member, or null when absent. */
    public ObjectNode object(String member) {
        return object(body, member);
    }

    /** An object member of {@code parent}, or null when absent. */
    public static ObjectNode object(JsonNode parent, String member) {
        JsonNode node = parent.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw AttributeValueJson.mismatch(node, "Structure");
        }
        return (ObjectNode) node;
    }

    /** An array member, or null when absent. */
    public JsonNode array(String member) {
        return array(body, member);
    }

    public static JsonNode array(JsonNode parent, String member) {
        JsonNode node = parent.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw AttributeValueJson.mismatch(node, "List");
        }
        return node;
    }

    /** An item-shaped member (attribute name to value), or null when absent. */
    public Map<String, AttributeValue> item(String member) {
        JsonNode node = body.get(member);
        return node == null || node.isNull() ? null : AttributeValueJson.readItem(node);
    }

    /**
     * The request's ExpressionAttributeNames and ExpressionAttributeValues, after checking them and the
     * expression parameters against the operation's {@code parameters}.
     */
    public ExpressionAttributes expressionAttributes(ExpressionParameters parameters) {
        parameters.check(body);
        ObjectNode namesNode = object("ExpressionAttributeNames");
        Map<String, String> names = null;
        if (namesNode != null) {
            names = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = namesNode.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isTextual()) {
                    throw AttributeValueJson.mismatch(field.getValue(), "String");
                }
                names.put(field.getKey(), field.getValue().textValue());
            }
            if (names.isEmpty()) {
                throw DynamoDbException.validation("ExpressionAttributeNames must not be empty");
            }
        }
        Map<String, AttributeValue> values = expressionAttributeValues();
        if (values != null && values.isEmpty()) {
            throw DynamoDbException.validation("ExpressionAttributeValues must not be empty");
        }
        return new ExpressionAttributes(names, values);
    }

    /** The values, each read on its own: AWS names the placeholder whose value breaks a rule. */
    private Map<String, AttributeValue> expressionAttributeValues() {
        JsonNode node = body.get("ExpressionAttributeValues");
        if (node == null || node.isNull() || !node.isObject()) {
            return item("ExpressionAttributeValues");
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            try {
                values.put(field.getKey(), AttributeValueJson.read(field.getValue()));
            } catch (DynamoDbException invalid) {
                if (invalid.type() != ErrorType.VALIDATION) {
                    throw invalid;
                }
                throw DynamoDbException.validation("ExpressionAttributeValues contains invalid value: "
                        + invalid.getMessage() + " for key " + field.getKey());
            }
        }
        return values;
    }
}
