package dev.shardbridge.event.connect;

import com.fasterxml.jackson.core.JsonParser;
import dev.shardbridge.event.item.AttributePath;
import dev.shardbridge.event.item.DynamoDbJson;
import dev.shardbridge.event.item.TypedAttributeReader;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds Connect attribute value structs straight from a typed-value parser, the same structs
 * {@link EnvelopeEncoder} makes from SDK attribute values. Skipping the SDK objects (and copying
 * nested M and L directly to their JSON text) is what makes CBOR decoding cheap.
 */
public final class AttributeStructVisitor implements TypedAttributeReader.Visitor<Struct> {

    /** For image attributes ({@link EnvelopeSchema#ATTRIBUTE_VALUE}). */
    public static final AttributeStructVisitor VALUES = new AttributeStructVisitor(EnvelopeSchema.ATTRIBUTE_VALUE);

    /** For key attributes ({@link EnvelopeSchema#KEY_ATTRIBUTE_VALUE}): S, N and B only. */
    public static final AttributeStructVisitor KEYS = new AttributeStructVisitor(EnvelopeSchema.KEY_ATTRIBUTE_VALUE);

    private final Schema schema;
    // Looked up once: a key schema lacks all but S, N and B, which leaves those fields null.
    private final Field s;
    private final Field n;
    private final Field b;
    private final Field bool;
    private final Field nul;
    private final Field m;
    private final Field l;
    private final Field ss;
    private final Field ns;
    private final Field bs;

    private AttributeStructVisitor(Schema schema) {
        this.schema = schema;
        this.s = schema.field("S");
        this.n = schema.field("N");
        this.b = schema.field("B");
        this.bool = schema.field("BOOL");
        this.nul = schema.field("NULL");
        this.m = schema.field("M");
        this.l = schema.field("L");
        this.ss = schema.field("SS");
        this.ns = schema.field("NS");
        this.bs = schema.field("BS");
    }

    @Override
    public Struct string(String value) {
        return struct(s, "S", value);
    }

    @Override
    public Struct number(String value) {
        return struct(n, "N", value);
    }

    @Override
    public Struct binary(byte[] value) {
        return struct(b, "B", ByteBuffer.wrap(value));
    }

    @Override
    public Struct bool(boolean value) {
        return struct(bool, "BOOL", value);
    }

    @Override
    public Struct nul(boolean value) {
        return struct(nul, "NULL", value);
    }

    @Override
    public Struct map(JsonParser in, AttributePath where) throws IOException {
        requireField(m, "M");
        return struct(m, "M", DynamoDbJson.copyItem(in, where));
    }

    @Override
    public Struct list(JsonParser in, AttributePath where) throws IOException {
        requireField(l, "L");
        return struct(l, "L", DynamoDbJson.copyList(in, where));
    }

    @Override
    public Struct stringSet(List<String> values) {
        return struct(ss, "SS", values);
    }

    @Override
    public Struct numberSet(List<String> values) {
        return struct(ns, "NS", values);
    }

    @Override
    public Struct binarySet(List<byte[]> values) {
        List<ByteBuffer> buffers = new ArrayList<>(values.size());
        values.forEach(value -> buffers.add(ByteBuffer.wrap(value)));
        return struct(bs, "BS", buffers);
    }

    private Struct struct(Field field, String type, Object content) {
        requireField(field, type);
        return new Struct(schema).put(field, content);
    }

    private static void requireField(Field field, String type) {
        if (field == null) {
            throw new DataException("A key attribute must be S, N or B, not " + type);
        }
    }
}
