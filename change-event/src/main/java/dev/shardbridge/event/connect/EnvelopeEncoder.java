package dev.shardbridge.event.connect;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.SourceInfo;
import org.apache.kafka.connect.data.Struct;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Change events to Connect data, in the schemas of {@link EnvelopeSchema}. */
public final class EnvelopeEncoder {

    private EnvelopeEncoder() {
    }

    /** The Kafka key and envelope value of {@code event}. */
    public static EnvelopeRecord encode(ChangeEvent event) {
        Map<String, Struct> key = key(event.key());
        Struct envelope = new Struct(EnvelopeSchema.ENVELOPE)
                .put(EnvelopeSchema.BEFORE, image(event.before()))
                .put(EnvelopeSchema.AFTER, image(event.after()))
                .put(EnvelopeSchema.KEY_FIELD, key)
                .put(EnvelopeSchema.SOURCE_FIELD, source(event.source()))
                .put(EnvelopeSchema.OP, event.op().code())
                .put(EnvelopeSchema.TS_MS, event.timestamp().toEpochMilli());
        return new EnvelopeRecord(EnvelopeSchema.KEY, key, EnvelopeSchema.ENVELOPE, envelope);
    }

    /**
     * The Connect key for primary key attributes. Entries keep the given order, which for a
     * {@link ChangeEvent}'s key is attribute-name order: JsonConverter and our CBOR converter write
     * map entries in iteration order, so the key bytes are deterministic.
     */
    public static Map<String, Struct> key(Map<String, AttributeValue> key) {
        Map<String, Struct> connect = new LinkedHashMap<>();
        key.forEach((name, value) -> connect.put(name, AttributeValueStruct.toKeyStruct(value)));
        return Collections.unmodifiableMap(connect);
    }

    /** The Connect form of an item image, keeping attribute order; null stays null. */
    public static Map<String, Struct> image(Map<String, AttributeValue> item) {
        if (item == null) {
            return null;
        }
        Map<String, Struct> connect = new LinkedHashMap<>();
        item.forEach((name, value) -> connect.put(name, AttributeValueStruct.toStruct(value)));
        return connect;
    }

    private static Struct source(SourceInfo source) {
        return new Struct(EnvelopeSchema.SOURCE)
                .put("connector", source.connector())
                .put("version", source.version())
                .put("table", source.table())
                .put("stream_arn", source.streamArn())
                .put("shard_id", source.shardId())
                .put("sequence_number", source.sequenceNumber())
                .put("ts_ms", source.approximateCreationTime().toEpochMilli())
                .put("snapshot", source.snapshot());
    }
}
