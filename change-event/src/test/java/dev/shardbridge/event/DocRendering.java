package dev.shardbridge.event;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders converter output for docs/record-format.md: JSON and CBOR diagnostic notation (leaves
 * rendered by the independent CBOR library), indented, with short containers on one line.
 */
final class DocRendering {

    /** Numbers stay exactly as the converter wrote them (no doubles, no stripped zeros). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final int LINE = 100;

    private DocRendering() {
    }

    static String json(byte[] bytes) {
        try {
            return json(JSON.readTree(bytes), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cbor(byte[] bytes) {
        return cbor(CBORObject.DecodeFromBytes(bytes, new com.upokecenter.cbor.CBOREncodeOptions("keepkeyorder=true")), "");
    }

    private static String json(JsonNode node, String indent) {
        String inline = node.toString();
        if (!node.isContainerNode() || indent.length() + inline.length() <= LINE || isAttributeValue(node)) {
            return inline;
        }
        List<String> parts = new ArrayList<>();
        String inner = indent + "  ";
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                parts.add(inner + JSON.getNodeFactory().textNode(field.getKey()) + ": " + json(field.getValue(), inner));
            }
            return "{\n" + String.join(",\n", parts) + "\n" + indent + "}";
        }
        for (JsonNode element : node) {
            parts.add(inner + json(element, inner));
        }
        return "[\n" + String.join(",\n", parts) + "\n" + indent + "]";
    }

    private static boolean isAttributeValue(JsonNode node) {
        return node.isObject() && node.has("S") && node.has("N");
    }

    private static String cbor(CBORObject value, String indent) {
        String inline = value.toString();
        if (indent.length() + inline.length() <= LINE) {
            return inline;
        }
        if (value.isTagged()) {
            return value.getMostOuterTag() + "(" + cbor(value.UntagOne(), indent) + ")";
        }
        List<String> parts = new ArrayList<>();
        String inner = indent + "  ";
        if (value.getType() == CBORType.Map) {
            for (CBORObject key : value.getKeys()) {
                parts.add(inner + key + ": " + cbor(value.get(key), inner));
            }
            return "{\n" + String.join(",\n", parts) + "\n" + indent + "}";
        }
        if (value.getType() == CBORType.Array) {
            for (CBORObject element : value.getValues()) {
                parts.add(inner + cbor(element, inner));
            }
            return "[\n" + String.join(",\n", parts) + "\n" + indent + "]";
        }
        return inline;
    }
}
