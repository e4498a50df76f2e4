package dev.shardbridge.emulator.admin;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.operation.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON body of an admin request with typed, strict access: a wrong type or an unknown field is
 * refused with a message naming the field, so a typo in a test never passes silently. An empty body
 * reads as {@code {}}; a JSON null reads as absent.
 */
final class AdminBody {
    private final ObjectNode json;

    private AdminBody(ObjectNode json) {
        this.json = json;
    }

    static AdminBody parse(byte[] bytes) {
        if (bytes == null || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return new AdminBody(Json.object());
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw AdminException.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw AdminException.badRequest("unreadable request body");
        }
        if (node == null || !node.isObject()) {
            throw AdminException.badRequest("the request body must be a JSON object");
        }
        return new AdminBody((ObjectNode) node);
    }

    /** Refuses fields outside {@code known}. */
    AdminBody allowOnly(Set<String> known) {
        for (Map.Entry<String, JsonNode> property : json.properties()) {
            String field = property.getKey();
            if (!known.contains(field)) {
                throw AdminException.badRequest("unknown field '" + field + "'"
                        + (known.isEmpty() ? "; this endpoint takes no body" : "; expected " + new TreeSet<>(known)));
            }
        }
        return this;
    }

    boolean has(String field) {
        JsonNode node = json.get(field);
        return node != null && !node.isNull();
    }

    /** A string field, or null when absent. */
    String text(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(field, "a string", node);
        }
        return node.textValue();
    }

    /** An integer field, or null when absent. */
    Long integer(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongType(field, "an integer", node);
        }
        return node.longValue();
    }

    /** A number field, or null when absent. */
    Double number(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw wrongType(field, "a number", node);
        }
        return node.doubleValue();
    }

    private JsonNode present(String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private static AdminException wrongType(String field, String expected, JsonNode actual) {
        return AdminException.badRequest("'" + field + "' must be " + expected + ", was " + actual);
    }
}
