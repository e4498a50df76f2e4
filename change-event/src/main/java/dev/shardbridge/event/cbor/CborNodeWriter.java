package dev.shardbridge.event.cbor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.shardbridge.event.item.AttributePath;
import dev.shardbridge.event.item.AttributeValueVisitor;
import dev.shardbridge.event.item.ExactNumbers;
import dev.shardbridge.event.item.TypedAttributeReader;
import dev.shardbridge.event.item.TypedAttributeWriter;

import java.io.IOException;
import java.util.List;

/**
 * Writes each visited attribute value as typed CBOR, producing the same bytes as
 * {@link TypedAttributeWriter} does for the equivalent SDK value. Scalars and sets go straight from
 * Connect data to CBOR; only the (usually few) M and L values are parsed into SDK values first, so
 * their contents are written with definite lengths like everything else.
 */
final class CborNodeWriter implements TypedAttributeReader.Visitor<Void> {

    private final CBORGenerator out;

    CborNodeWriter(CBORGenerator out) {
        this.out = out;
    }

    @Override
    public Void string(String value) throws IOException {
        out.writeStartObject(value, 1);
        out.writeStringField("S", value);
        out.writeEndObject();
        return null;
    }

    @Override
    public Void number(String value) throws IOException {
        out.writeStartObject(value, 1);
        out.writeFieldName("N");
        ExactNumbers.writeExact(out, value);
        out.writeEndObject();
        return null;
    }

    @Override
    public Void binary(byte[] value) throws IOException {
        out.writeStartObject(value, 1);
        out.writeFieldName("B");
        out.writeBinary(value);
        out.writeEndObject();
        return null;
    }

    @Override
    public Void bool(boolean value) throws IOException {
        out.writeStartObject(null, 1);
        out.writeBooleanField("BOOL", value);
        out.writeEndObject();
        return null;
    }

    @Override
    public Void nul(boolean value) throws IOException {
        out.writeStartObject(null, 1);
        out.writeBooleanField("NULL", value);
        out.writeEndObject();
        return null;
    }

    @Override
    public Void map(JsonParser in, AttributePath where) throws IOException {
        TypedAttributeWriter.writeValue(out, AttributeValueVisitor.INSTANCE.map(in, where));
        return null;
    }

    @Override
    public Void list(JsonParser in, AttributePath where) throws IOException {
        TypedAttributeWriter.writeValue(out, AttributeValueVisitor.INSTANCE.list(in, where));
        return null;
    }

    @Override
    public Void stringSet(List<String> values) throws IOException {
        startSet("SS", values);
        for (String value : values) {
            out.writeString(value);
        }
        return endSet();
    }

    @Override
    public Void numberSet(List<String> values) throws IOException {
        startSet("NS", values);
        for (String value : values) {
            ExactNumbers.writeExact(out, value);
        }
        return endSet();
    }

    @Override
    public Void binarySet(List<byte[]> values) throws IOException {
        startSet("BS", values);
        for (byte[] value : values) {
            out.writeBinary(value);
        }
        return endSet();
    }

    private void startSet(String type, List<?> values) throws IOException {
        out.writeStartObject(values, 1);
        out.writeFieldName(type);
        out.writeTag(TypedAttributeWriter.SET_TAG);
        out.writeStartArray(values, values.size());
    }

    private Void endSet() throws IOException {
        out.writeEndArray();
        out.writeEndObject();
        return null;
    }
}
