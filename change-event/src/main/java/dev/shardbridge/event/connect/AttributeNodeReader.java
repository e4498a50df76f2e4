package dev.shardbridge.event.connect;

import dev.shardbridge.event.item.AttributePath;
import dev.shardbridge.event.item.DynamoDbJson;
import dev.shardbridge.event.item.TypedAttributeReader;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Feeds one attribute value in its Connect form to a {@link TypedAttributeReader.Visitor}, so the
 * same reading serves the sink (SDK attribute values) and the CBOR converter (CBOR bytes).
 * Accepts every form a converter may hand back: a {@link Struct}, or (schemaless JSON) a map
 * whose binary values are base64 text; exactly one type must be set.
 */
public final class AttributeNodeReader {

    private AttributeNodeReader() {
    }

    public static <T> T accept(Object node, AttributePath where, TypedAttributeReader.Visitor<T> visitor) {
        String type = null;
        Object content = null;
        if (node instanceof Struct struct) {
            for (Field field : struct.schema().fields()) {
                Object fieldValue = struct.get(field);
                if (fieldValue != null) {
                    type = oneType(type, field.name(), where);
                    content = fieldValue;
                }
            }
        } else if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() != null) {
                    type = oneType(type, String.valueOf(entry.getKey()), where);
                    content = entry.getValue();
                }
            }
        } else {
            throw new DataException(where + ": expected an attribute value struct, found "
                    + (node == null ? "null" : node.getClass().getName()));
        }
        if (type == null) {
            throw new DataException(where + ": attribute value has none of S, N, B, BOOL, NULL, M, L, SS, NS, BS set");
        }
        try {
            return visit(type, content, where, visitor);
        } catch (ClassCastException e) {
            throw new DataException(where + ": " + type + " has the wrong Java type " + content.getClass().getName(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Visitors write to memory, which cannot fail", e);
        }
    }

    private static <T> T visit(String type, Object content, AttributePath where, TypedAttributeReader.Visitor<T> visitor)
            throws IOException {
        return switch (type) {
            case "S" -> visitor.string((String) content);
            case "N" -> visitor.number((String) content);
            case "B" -> visitor.binary(bytes(content, where));
            case "BOOL" -> visitor.bool((Boolean) content);
            case "NULL" -> visitor.nul((Boolean) content);
            case "M" -> DynamoDbJson.visitItem((String) content, where, visitor);
            case "L" -> DynamoDbJson.visitList((String) content, where, visitor);
            case "SS" -> visitor.stringSet(strings(content, where));
            case "NS" -> visitor.numberSet(strings(content, where));
            case "BS" -> visitor.binarySet(byteArrays(content, where));
            default -> throw new DataException(where + ": unknown attribute type '" + type + "'");
        };
    }

    private static String oneType(String seen, String found, AttributePath where) {
        if (seen != null) {
            throw new DataException(where + ": attribute value has both " + seen + " and " + found + " set");
        }
        return found;
    }

    private static List<String> strings(Object content, AttributePath where) {
        List<?> elements = (List<?>) content;
        List<String> strings = new ArrayList<>(elements.size());
        for (Object element : elements) {
            if (!(element instanceof String string)) {
                throw new DataException(where.element(strings.size()) + ": set element must be a string, found "
                        + (element == null ? "null" : element.getClass().getName()));
            }
            strings.add(string);
        }
        return strings;
    }

    private static List<byte[]> byteArrays(Object content, AttributePath where) {
        List<?> elements = (List<?>) content;
        List<byte[]> arrays = new ArrayList<>(elements.size());
        for (Object element : elements) {
            arrays.add(bytes(element, where.element(arrays.size())));
        }
        return arrays;
    }

    private static byte[] bytes(Object content, AttributePath where) {
        if (content instanceof ByteBuffer buffer) {
            if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
                    && buffer.remaining() == buffer.array().length) {
                return buffer.array();
            }
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            return copy;
        }
        if (content instanceof byte[] array) {
            return array;
        }
        if (content instanceof String base64) {
            // Schemaless JSON cannot say a string is binary; the type name B says so.
            try {
                return Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new DataException(where + ": binary value is not valid base64", e);
            }
        }
        throw new DataException(where + ": binary value has the wrong Java type "
                + (content == null ? "null" : content.getClass().getName()));
    }
}
