package dev.shardbridge.event.cbor;

import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.SourceInfo;
import dev.shardbridge.event.connect.AttributeNodeReader;
import dev.shardbridge.event.connect.EnvelopeDecoder;
import dev.shardbridge.event.connect.EnvelopeEncoder;
import dev.shardbridge.event.connect.EnvelopeView;
import dev.shardbridge.event.item.AttributePath;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Change events as CBOR, in the envelope layout: the same field names and typed attribute shape as
 * the JSON form, but with native CBOR for what JSON cannot say (byte strings, exact numbers, tag
 * 258 sets) and with M and L nested natively instead of as JSON text.
 */
public final class CborEnvelopeWriter {

    private CborEnvelopeWriter() {
    }

    /** The envelope in Connect data (with or without schema), written without building SDK values. */
    public static byte[] write(EnvelopeView envelope) {
        return CborStreams.write(out -> {
            CborNodeWriter nodes = new CborNodeWriter(out);
            out.writeStartObject(envelope, 6);
            out.writeFieldName("before");
            writeImage(out, nodes, envelope.before(), "before");
            out.writeFieldName("after");
            writeImage(out, nodes, envelope.after(), "after");
            out.writeFieldName("key");
            writeImage(out, nodes, new TreeMap<>(envelope.key()), "key");
            out.writeFieldName("source");
            writeSource(out, envelope.source());
            out.writeStringField("op", envelope.op().code());
            out.writeNumberField("ts_ms", envelope.timestamp().toEpochMilli());
            out.writeEndObject();
        });
    }

    /** For producers outside Connect. */
    public static byte[] write(ChangeEvent event) {
        return write(EnvelopeDecoder.view(EnvelopeEncoder.encode(event).value()));
    }

    /**
     * A Kafka key from its Connect form. Attributes are sorted here too, so the bytes never depend
     * on the kind of map the converter is handed.
     */
    public static byte[] writeKey(Map<String, ?> keyNodes) {
        return CborStreams.write(out -> writeImage(out, new CborNodeWriter(out), new TreeMap<>(keyNodes), "key"));
    }

    private static void writeImage(CBORGenerator out, CborNodeWriter nodes, Map<String, ?> image, String field)
            throws IOException {
        if (image == null) {
            out.writeNull();
            return;
        }
        AttributePath where = AttributePath.root(field);
        out.writeStartObject(image, image.size());
        for (Map.Entry<String, ?> attribute : image.entrySet()) {
            out.writeFieldName(attribute.getKey());
            AttributeNodeReader.accept(attribute.getValue(), where.member(attribute.getKey()), nodes);
        }
        out.writeEndObject();
    }

    private static void writeSource(CBORGenerator out, SourceInfo source) throws IOException {
        out.writeStartObject(source, 8);
        out.writeStringField("connector", source.connector());
        out.writeStringField("version", source.version());
        out.writeStringField("table", source.table());
        writeNullableText(out, "stream_arn", source.streamArn());
        writeNullableText(out, "shard_id", source.shardId());
        writeNullableText(out, "sequence_number", source.sequenceNumber());
        out.writeNumberField("ts_ms", source.approximateCreationTime().toEpochMilli());
        out.writeBooleanField("snapshot", source.snapshot());
        out.writeEndObject();
    }

    private static void writeNullableText(CBORGenerator out, String field, String value) throws IOException {
        out.writeFieldName(field);
        if (value == null) {
            out.writeNull();
        } else {
            out.writeString(value);
        }
    }
}
