package dev.shardbridge.event.item;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import org.apache.kafka.connect.errors.DataException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@link TypedAttributeWriter} writes, from DynamoDB JSON or from our CBOR, and hands
 * each value to a {@link Visitor} that builds whatever the caller needs (SDK attribute values,
 * Connect structs, JSON text) without an intermediate tree. In CBOR it insists on the shape
 * exactly: byte strings for binary, tag 258 on sets and no other tags, so a payload from a
 * different producer fails with the attribute path instead of decoding wrongly.
 */
public final class TypedAttributeReader {

    /** Receives one typed value; returns what it builds from it. */
    public interface Visitor<T> {
        T string(String value) throws IOException;

        T number(String value) throws IOException;

        T binary(byte[] value) throws IOException;

        T bool(boolean value) throws IOException;

        T nul(boolean value) throws IOException;

        /** M: the parser is on the contents' START_OBJECT; consume through their END_OBJECT. */
        T map(JsonParser in, AttributePath where) throws IOException;

        /** L: the parser is on the contents' START_ARRAY; consume through their END_ARRAY. */
        T list(JsonParser in, AttributePath where) throws IOException;

        T stringSet(List<String> values) throws IOException;

        T numberSet(List<String> values) throws IOException;

        T binarySet(List<byte[]> values) throws IOException;
    }

    private interface ElementReader<T> {
        T read(JsonParser in, AttributePath where) throws IOException;
    }

    private TypedAttributeReader() {
    }

    /** Reads an item (or M contents); the parser must be on its START_OBJECT. */
    public static <T> Map<String, T> readItem(JsonParser in, AttributePath where, Visitor<T> visitor) throws IOException {
        return readItem(in, where, visitor, new LinkedHashMap<>());
    }

    /** Reads an item (or M contents) into {@code item}, in the order read; returns {@code item}. */
    public static <T> Map<String, T> readItem(JsonParser in, AttributePath where, Visitor<T> visitor, Map<String, T> item)
            throws IOException {
        expect(in, JsonToken.START_OBJECT, where, "a map of attribute names to typed values");
        requireNoTag(in, where);
        String name;
        while ((name = in.nextFieldName()) != null) {
            in.nextToken();
            item.put(name, readValue(in, where.member(name), visitor));
        }
        return item;
    }

    /** Reads L contents; the parser must be on its START_ARRAY. */
    public static <T> List<T> readList(JsonParser in, AttributePath where, Visitor<T> visitor) throws IOException {
        expect(in, JsonToken.START_ARRAY, where, "an array of typed values");
        requireNoTag(in, where);
        List<T> list = new ArrayList<>();
        while (in.nextToken() != JsonToken.END_ARRAY) {
            list.add(readValue(in, where.element(list.size()), visitor));
        }
        return list;
    }

    /** Reads one typed value such as {@code {"S": "x"}}; the parser must be on its START_OBJECT. */
    public static <T> T readValue(JsonParser in, AttributePath where, Visitor<T> visitor) throws IOException {
        expect(in, JsonToken.START_OBJECT, where, "a typed attribute value such as {\"S\": ...}");
        requireNoTag(in, where);
        String type = in.nextFieldName();
        if (type == null) {
            throw new DataException(where + ": a typed attribute value needs one entry naming its type, found none");
        }
        in.nextToken();
        T value = switch (type) {
            case "S" -> visitor.string(readString(in, where));
            case "N" -> visitor.number(ExactNumbers.read(in, where));
            case "B" -> visitor.binary(readBytes(in, where));
            case "BOOL" -> visitor.bool(readBoolean(in, where));
            case "NULL" -> visitor.nul(readBoolean(in, where));
            case "M" -> {
                expect(in, JsonToken.START_OBJECT, where, "a map of attribute names to typed values");
                requireNoTag(in, where);
                yield visitor.map(in, where);
            }
            case "L" -> {
                expect(in, JsonToken.START_ARRAY, where, "an array of typed values");
                requireNoTag(in, where);
                yield visitor.list(in, where);
            }
            case "SS" -> visitor.stringSet(readSet(in, where, TypedAttributeReader::readString));
            case "NS" -> visitor.numberSet(readSet(in, where, ExactNumbers::read));
            case "BS" -> visitor.binarySet(readSet(in, where, TypedAttributeReader::readBytes));
            default -> throw new DataException(where + ": unknown attribute type '" + type
                    + "'; expected S, N, B, BOOL, NULL, M, L, SS, NS or BS");
        };
        if (in.nextToken() != JsonToken.END_OBJECT) {
            throw new DataException(where + ": a typed attribute value has exactly one entry, found '" + type
                    + "' and more");
        }
        return value;
    }

    private static <T> List<T> readSet(JsonParser in, AttributePath where, ElementReader<T> elements) throws IOException {
        expect(in, JsonToken.START_ARRAY, where, "an array of set elements");
        if (in instanceof CBORParser cbor && cbor.getCurrentTag() != TypedAttributeWriter.SET_TAG) {
            throw new DataException(where + ": a set must be a CBOR array tagged " + TypedAttributeWriter.SET_TAG
                    + ", found " + describeTag(cbor.getCurrentTag()));
        }
        List<T> set = new ArrayList<>();
        while (in.nextToken() != JsonToken.END_ARRAY) {
            set.add(elements.read(in, where.element(set.size())));
        }
        return set;
    }

    private static String readString(JsonParser in, AttributePath where) throws IOException {
        expect(in, JsonToken.VALUE_STRING, where, "a text string");
        requireNoTag(in, where);
        return in.getText();
    }

    private static byte[] readBytes(JsonParser in, AttributePath where) throws IOException {
        // JSON carries binary as base64 text; CBOR must use a byte string.
        JsonToken binary = in instanceof CBORParser ? JsonToken.VALUE_EMBEDDED_OBJECT : JsonToken.VALUE_STRING;
        expect(in, binary, where, "binary data");
        requireNoTag(in, where);
        return in.getBinaryValue();
    }

    private static boolean readBoolean(JsonParser in, AttributePath where) {
        JsonToken token = in.currentToken();
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw new DataException(where + ": expected a boolean, found " + token);
        }
        return token == JsonToken.VALUE_TRUE;
    }

    private static void expect(JsonParser in, JsonToken expected, AttributePath where, String what) {
        JsonToken actual = in.currentToken();
        if (actual != expected) {
            throw new DataException(where + ": expected " + what + ", found " + (actual == null ? "end of input" : actual));
        }
    }

    private static void requireNoTag(JsonParser in, AttributePath where) {
        if (in instanceof CBORParser cbor && cbor.getCurrentTag() != -1) {
            throw new DataException(where + ": unexpected CBOR tag " + cbor.getCurrentTag());
        }
    }

    private static String describeTag(int tag) {
        return tag == -1 ? "no tag" : "tag " + tag;
    }
}
