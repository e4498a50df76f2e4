package dev.shardbridge.event.item;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.List;

/**
 * Copies typed values from any parser (our CBOR) to DynamoDB JSON text, token by token, producing
 * exactly what {@link TypedAttributeWriter} would write for the same values. This is how the CBOR
 * converter fills the envelope's M and L text without building attribute values first.
 */
final class JsonTextVisitor implements TypedAttributeReader.Visitor<Void> {

    private final JsonGenerator out;

    JsonTextVisitor(JsonGenerator out) {
        this.out = out;
    }

    /** Copies M contents; the parser is on their START_OBJECT. */
    void copyItem(JsonParser in, AttributePath where) throws IOException {
        out.writeStartObject();
        String name;
        while ((name = in.nextFieldName()) != null) {
            in.nextToken();
            out.writeFieldName(name);
            TypedAttributeReader.readValue(in, where.member(name), this);
        }
        out.writeEndObject();
    }

    /** Copies L contents; the parser is on their START_ARRAY. */
    void copyList(JsonParser in, AttributePath where) throws IOException {
        out.writeStartArray();
        int index = 0;
        while (in.nextToken() != JsonToken.END_ARRAY) {
            TypedAttributeReader.readValue(in, where.element(index++), this);
        }
        out.writeEndArray();
    }

    @Override
    public Void string(String value) throws IOException {
        return scalar("S", value);
    }

    @Override
    public Void number(String value) throws IOException {
        return scalar("N", value);
    }

    @Override
    public Void binary(byte[] value) throws IOException {
        out.writeStartObject();
        out.writeFieldName("B");
        out.writeBinary(value);
        out.writeEndObject();
        return null;
    }

    @Override
    public Void bool(boolean value) throws IOException {
        out.writeStartObject();
        out.writeBooleanField("BOOL", value);
        out.writeEndObject();
        return null;
    }

    @Override
    public Void nul(boolean value) throws IOException {
        out.writeStartObject();
        out.writeBooleanField("NULL", value);
        out.writeEndObject();
        return null;
    }

    @Override
    public Void map(JsonParser in, AttributePath where) throws IOException {
        out.writeStartObject();
        out.writeFieldName("M");
        copyItem(in, where);
        out.writeEndObject();
        return null;
    }

    @Override
    public Void list(JsonParser in, AttributePath where) throws IOException {
        out.writeStartObject();
        out.writeFieldName("L");
        copyList(in, where);
        out.writeEndObject();
        return null;
    }

    @Override
    public Void stringSet(List<String> values) throws IOException {
        return textSet("SS", values);
    }

    @Override
    public Void numberSet(List<String> values) throws IOException {
        return textSet("NS", values);
    }

    @Override
    public Void binarySet(List<byte[]> values) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("BS");
        for (byte[] value : values) {
            out.writeBinary(value);
        }
        out.writeEndArray();
        out.writeEndObject();
        return null;
    }

    private Void scalar(String type, String value) throws IOException {
        out.writeStartObject();
        out.writeStringField(type, value);
        out.writeEndObject();
        return null;
    }

    private Void textSet(String type, List<String> values) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart(type);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
        out.writeEndObject();
        return null;
    }
}
