package dev.shardbridge.event.item;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes attribute values in DynamoDB's own typed shape ({@code {"S": "x"}}, {@code {"M": {...}}})
 * to a Jackson generator. The same code serves two dialects:
 * <ul>
 *   <li>JSON: exactly DynamoDB's wire JSON (N as a string, B as base64, sets as arrays);</li>
 *   <li>CBOR: binary as byte strings, N as an exact number ({@link ExactNumbers}), and SS/NS/BS as
 *       arrays tagged 258 (the IANA "mathematical finite set" tag).</li>
 * </ul>
 * Containers are written with definite lengths so equal values always give equal CBOR bytes.
 */
public final class TypedAttributeWriter {

    /** CBOR tag 258: a finite set, encoded as an array of distinct elements. */
    public static final int SET_TAG = 258;

    private TypedAttributeWriter() {
    }

    /** Writes an item (or M contents): a map from attribute name to typed value. */
    public static void writeItem(JsonGenerator out, Map<String, AttributeValue> item) throws IOException {
        out.writeStartObject(item, item.size());
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            out.writeFieldName(attribute.getKey());
            writeValue(out, attribute.getValue());
        }
        out.writeEndObject();
    }

    /** Writes L contents: an array of typed values. */
    public static void writeList(JsonGenerator out, List<AttributeValue> list) throws IOException {
        out.writeStartArray(list, list.size());
        for (AttributeValue element : list) {
            writeValue(out, element);
        }
        out.writeEndArray();
    }

    /** Writes one typed value: a single-entry map from type name to content. */
    public static void writeValue(JsonGenerator out, AttributeValue value) throws IOException {
        out.writeStartObject(value, 1);
        switch (value.type()) {
            case S -> out.writeStringField("S", value.s());
            case N -> {
                out.writeFieldName("N");
                writeNumber(out, value.n());
            }
            case B -> {
                out.writeFieldName("B");
                writeBytes(out, value.b());
            }
            case BOOL -> out.writeBooleanField("BOOL", value.bool());
            case NUL -> out.writeBooleanField("NULL", value.nul());
            case M -> {
                out.writeFieldName("M");
                writeItem(out, value.m());
            }
            case L -> {
                out.writeFieldName("L");
                writeList(out, value.l());
            }
            case SS -> {
                out.writeFieldName("SS");
                startSet(out, value.ss());
                for (String element : value.ss()) {
                    out.writeString(element);
                }
                out.writeEndArray();
            }
            case NS -> {
                out.writeFieldName("NS");
                startSet(out, value.ns());
                for (String element : value.ns()) {
                    writeNumber(out, element);
                }
                out.writeEndArray();
            }
            case BS -> {
                out.writeFieldName("BS");
                startSet(out, value.bs());
                for (SdkBytes element : value.bs()) {
                    writeBytes(out, element);
                }
                out.writeEndArray();
            }
            default -> throw new DataException("Attribute value has no type set: " + value);
        }
        out.writeEndObject();
    }

    private static void writeNumber(JsonGenerator out, String number) throws IOException {
        if (out instanceof CBORGenerator cbor) {
            ExactNumbers.writeExact(cbor, number);
        } else {
            out.writeString(number);
        }
    }

    private static void writeBytes(JsonGenerator out, SdkBytes bytes) throws IOException {
        byte[] content = bytes.asByteArrayUnsafe();
        out.writeBinary(content, 0, content.length);
    }

    private static void startSet(JsonGenerator out, List<?> elements) throws IOException {
        if (out instanceof CBORGenerator cbor) {
            cbor.writeTag(SET_TAG);
        }
        out.writeStartArray(elements, elements.size());
    }
}
