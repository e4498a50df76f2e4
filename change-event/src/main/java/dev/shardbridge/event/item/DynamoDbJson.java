package dev.shardbridge.event.item;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Attribute values as DynamoDB JSON text, the format of the DynamoDB API and of stream records.
 * The envelope uses it for the contents of M and L values (Connect schemas cannot nest
 * recursively, see docs/record-format.md) and ExtractNewImage for values no schema can hold.
 */
public final class DynamoDbJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private DynamoDbJson() {
    }

    /** The JSON object of an M value's contents, e.g. {@code {"city":{"S":"Oslo"}}}. */
    public static String writeItem(Map<String, AttributeValue> item) {
        return unchecked(out -> TypedAttributeWriter.writeItem(out, item));
    }

    /** The JSON array of an L value's contents, e.g. {@code [{"N":"1"},{"S":"a"}]}. */
    public static String writeList(List<AttributeValue> list) {
        return unchecked(out -> TypedAttributeWriter.writeList(out, list));
    }

    /** One typed value, e.g. {@code {"S":"a"}}. */
    public static String writeValue(AttributeValue value) {
        return unchecked(out -> TypedAttributeWriter.writeValue(out, value));
    }

    /**
     * The text {@link #writeItem} would give for M contents read from {@code in} (positioned on
     * their START_OBJECT), copied without building attribute values.
     */
    public static String copyItem(JsonParser in, AttributePath where) throws IOException {
        return write(out -> new JsonTextVisitor(out).copyItem(in, where));
    }

    /** As {@link #copyItem}, for L contents ({@code in} on their START_ARRAY). */
    public static String copyList(JsonParser in, AttributePath where) throws IOException {
        return write(out -> new JsonTextVisitor(out).copyList(in, where));
    }

    /** Hands M contents text ({@link #writeItem}'s output) to {@code visitor} as an M value. */
    public static <T> T visitItem(String json, AttributePath where, TypedAttributeReader.Visitor<T> visitor) {
        return read(json, where, in -> {
            requireStart(in, JsonToken.START_OBJECT, where, "M");
            return visitor.map(in, where);
        });
    }

    /** Hands L contents text ({@link #writeList}'s output) to {@code visitor} as an L value. */
    public static <T> T visitList(String json, AttributePath where, TypedAttributeReader.Visitor<T> visitor) {
        return read(json, where, in -> {
            requireStart(in, JsonToken.START_ARRAY, where, "L");
            return visitor.list(in, where);
        });
    }

    /** Parses what {@link #writeItem} wrote. */
    public static Map<String, AttributeValue> readItem(String json, AttributePath where) {
        return read(json, where, in -> TypedAttributeReader.readItem(in, where, AttributeValueVisitor.INSTANCE));
    }

    /** Parses what {@link #writeList} wrote. */
    public static List<AttributeValue> readList(String json, AttributePath where) {
        return read(json, where, in -> TypedAttributeReader.readList(in, where, AttributeValueVisitor.INSTANCE));
    }

    /** Parses what {@link #writeValue} wrote. */
    public static AttributeValue readValue(String json, AttributePath where) {
        return read(json, where, in -> TypedAttributeReader.readValue(in, where, AttributeValueVisitor.INSTANCE));
    }

    private static void requireStart(JsonParser in, JsonToken start, AttributePath where, String type) {
        if (in.currentToken() != start) {
            throw new DataException(where + ": " + type + " text must hold a JSON "
                    + (start == JsonToken.START_OBJECT ? "object" : "array") + ", found " + in.currentToken());
        }
    }

    private interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private interface Parse<T> {
        T read(JsonParser in) throws IOException;
    }

    private static String unchecked(Body body) {
        try {
            return write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        }
    }

    /** Writes to text; IOExceptions can only come from a parser the body reads from. */
    private static String write(Body body) throws IOException {
        BufferRecycler recycler = JSON._getBufferRecycler();
        try (SegmentedStringWriter text = new SegmentedStringWriter(recycler)) {
            try (JsonGenerator out = JSON.createGenerator(text)) {
                body.write(out);
            }
            return text.getAndClear();
        } finally {
            recycler.releaseToPool();
        }
    }

    private static <T> T read(String json, AttributePath where, Parse<T> parse) {
        try (JsonParser in = JSON.createParser(json)) {
            in.nextToken();
            T value = parse.read(in);
            JsonToken trailing = in.nextToken();
            if (trailing != null) {
                throw new DataException(where + ": unexpected " + trailing + " after the DynamoDB JSON value");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new DataException(where + ": malformed DynamoDB JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading from memory cannot fail", e);
        }
    }
}
