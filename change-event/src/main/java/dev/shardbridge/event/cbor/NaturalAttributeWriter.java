package dev.shardbridge.event.cbor;

import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.shardbridge.event.item.ExactNumbers;
import dev.shardbridge.event.item.TypedAttributeWriter;
import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Attribute values as plain CBOR values without the type wrapper, for layouts whose readers expect
 * plain column values (Tablestore's Sync-v1). CBOR's own types carry the distinctions JSON would
 * lose: text vs byte string, exact numbers, tag 258 for sets.
 */
final class NaturalAttributeWriter {

    private NaturalAttributeWriter() {
    }

    static void write(CBORGenerator out, AttributeValue value) throws IOException {
        switch (value.type()) {
            case S -> out.writeString(value.s());
            case N -> ExactNumbers.writeNumeric(out, value.n());
            case B -> writeBytes(out, value.b());
            case BOOL -> out.writeBoolean(value.bool());
            case NUL -> out.writeNull();
            case M -> writeMap(out, value.m());
            case L -> {
                out.writeStartArray(value.l(), value.l().size());
                for (AttributeValue element : value.l()) {
                    write(out, element);
                }
                out.writeEndArray();
            }
            case SS -> {
                startSet(out, value.ss());
                for (String element : value.ss()) {
                    out.writeString(element);
                }
                out.writeEndArray();
            }
            case NS -> {
                startSet(out, value.ns());
                for (String element : value.ns()) {
                    ExactNumbers.writeNumeric(out, element);
                }
                out.writeEndArray();
            }
            case BS -> {
                startSet(out, value.bs());
                for (SdkBytes element : value.bs()) {
                    writeBytes(out, element);
                }
                out.writeEndArray();
            }
            default -> throw new DataException("Attribute value has no type set: " + value);
        }
    }

    private static void writeMap(CBORGenerator out, Map<String, AttributeValue> map) throws IOException {
        out.writeStartObject(map, map.size());
        for (Map.Entry<String, AttributeValue> entry : map.entrySet()) {
            out.writeFieldName(entry.getKey());
            write(out, entry.getValue());
        }
        out.writeEndObject();
    }

    private static void writeBytes(CBORGenerator out, SdkBytes bytes) throws IOException {
        byte[] content = bytes.asByteArrayUnsafe();
        out.writeBinary(content, 0, content.length);
    }

    private static void startSet(CBORGenerator out, List<?> elements) throws IOException {
        out.writeTag(TypedAttributeWriter.SET_TAG);
        out.writeStartArray(elements, elements.size());
    }
}
