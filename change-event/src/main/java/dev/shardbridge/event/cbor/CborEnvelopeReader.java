package dev.shardbridge.event.cbor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.event.connect.AttributeStructVisitor;
import dev.shardbridge.event.connect.EnvelopeDecoder;
import dev.shardbridge.event.connect.EnvelopeSchema;
import dev.shardbridge.event.item.AttributePath;
import dev.shardbridge.event.item.TypedAttributeReader;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads what {@link CborEnvelopeWriter} writes, straight into the Connect data that
 * {@link dev.shardbridge.event.connect.EnvelopeEncoder} makes for the same event. Fields may come
 * in any order and unknown fields are skipped, so a newer producer that adds fields does not break
 * older consumers; a missing required field means the bytes are not a change envelope at all.
 */
public final class CborEnvelopeReader {

    private CborEnvelopeReader() {
    }

    /** The envelope struct ({@link EnvelopeSchema#ENVELOPE}). */
    public static Struct readStruct(byte[] bytes) {
        return CborStreams.read(bytes, "change envelope", CborEnvelopeReader::readEnvelope);
    }

    /** The key map ({@link EnvelopeSchema#KEY}). */
    public static Map<String, Struct> readKeyStruct(byte[] bytes) {
        return CborStreams.read(bytes, "change event key", in -> {
            requireMap(in, "change event key");
            Map<String, Struct> key = new LinkedHashMap<>();
            readKey(in, key);
            return Collections.unmodifiableMap(key);
        });
    }

    /** The change event, for readers outside Connect. */
    public static ChangeEvent read(byte[] bytes) {
        return EnvelopeDecoder.decode(readStruct(bytes));
    }

    /** The key attributes, for readers outside Connect. */
    public static Map<String, AttributeValue> readKey(byte[] bytes) {
        return EnvelopeDecoder.decodeKey(readKeyStruct(bytes));
    }

    /**
     * Builds the envelope as it parses. Each attribute struct is validated by Connect when it is
     * built; the image and key maps are put into the envelope while still empty and filled
     * afterwards, because putting a full map makes Connect validate every entry a second time,
     * which costs as much as the parse itself.
     */
    private static Struct readEnvelope(JsonParser in) throws IOException {
        requireMap(in, "change envelope");
        Struct envelope = new Struct(EnvelopeSchema.ENVELOPE);
        boolean hasKey = false;
        boolean hasSource = false;
        boolean hasOp = false;
        boolean hasTimestamp = false;
        String field;
        while ((field = in.nextFieldName()) != null) {
            in.nextToken();
            switch (field) {
                case "before" -> readImage(in, envelope, "before");
                case "after" -> readImage(in, envelope, "after");
                case "key" -> {
                    Map<String, Struct> key = new LinkedHashMap<>();
                    envelope.put("key", Collections.unmodifiableMap(key));
                    readKey(in, key);
                    hasKey = true;
                }
                case "source" -> {
                    envelope.put("source", CborSourceReader.read(in));
                    hasSource = true;
                }
                case "op" -> {
                    envelope.put("op", Operation.fromCode(CborFields.text(in, "op")).code());
                    hasOp = true;
                }
                case "ts_ms" -> {
                    envelope.put("ts_ms", CborFields.int64(in, "ts_ms"));
                    hasTimestamp = true;
                }
                default -> in.skipChildren();
            }
        }
        require(hasOp, "op");
        require(hasKey, "key");
        require(hasSource, "source");
        require(hasTimestamp, "ts_ms");
        return envelope;
    }

    private static void readImage(JsonParser in, Struct envelope, String field) throws IOException {
        if (in.currentToken() == JsonToken.VALUE_NULL) {
            envelope.put(field, null);
            return;
        }
        Map<String, Struct> image = new LinkedHashMap<>();
        envelope.put(field, image);
        TypedAttributeReader.readItem(in, AttributePath.root(field), AttributeStructVisitor.VALUES, image);
    }

    private static void readKey(JsonParser in, Map<String, Struct> key) throws IOException {
        TypedAttributeReader.readItem(in, AttributePath.root("key"), AttributeStructVisitor.KEYS, key);
        if (key.isEmpty()) {
            throw new DataException("CBOR change event key has no attributes");
        }
    }

    static void requireMap(JsonParser in, String what) {
        if (in.currentToken() != JsonToken.START_OBJECT) {
            throw new DataException("CBOR value is not a " + what + ": expected a map, found " + in.currentToken());
        }
    }

    static <T> T require(T value, String field) {
        require(value != null, field);
        return value;
    }

    private static void require(boolean present, String field) {
        if (!present) {
            throw new DataException("CBOR value is not a change envelope: it has no '" + field + "'");
        }
    }
}
