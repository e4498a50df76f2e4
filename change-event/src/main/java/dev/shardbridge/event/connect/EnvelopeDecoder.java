package dev.shardbridge.event.connect;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.event.SourceInfo;
import dev.shardbridge.event.item.AttributePath;
import dev.shardbridge.event.item.AttributeValueVisitor;
import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connect data back to change events: what the sink, the SMTs and the CBOR converter read. Accepts
 * the envelope with its schema (a {@code Struct}) or without (the maps JsonConverter produces when
 * {@code schemas.enable=false}).
 */
public final class EnvelopeDecoder {

    private EnvelopeDecoder() {
    }

    /**
     * The change event in an envelope value.
     *
     * @throws DataException for a tombstone (check for null values first) or anything that is not an envelope
     */
    public static ChangeEvent decode(Object value) {
        EnvelopeView view = view(value);
        return new ChangeEvent(view.op(), attributes(view.key(), AttributePath.root("key")),
                attributes(view.before(), AttributePath.root("before")),
                attributes(view.after(), AttributePath.root("after")), view.source(), view.timestamp());
    }

    /** The primary key attributes in a Kafka key (or the envelope's {@code key}). */
    public static Map<String, AttributeValue> decodeKey(Object key) {
        return attributes(keyNodes(key), AttributePath.root("key"));
    }

    /** The envelope's fields, leaving attribute values in their Connect form. */
    public static EnvelopeView view(Object value) {
        if (value == null) {
            throw new DataException("A tombstone (null value) carries no change event");
        }
        NamedFields envelope = NamedFields.of(value, "change envelope");
        return new EnvelopeView(
                Operation.fromCode(envelope.requiredString("op")),
                keyNodes(envelope.required("key")),
                nodes(envelope.optional("before"), AttributePath.root("before")),
                nodes(envelope.optional("after"), AttributePath.root("after")),
                source(NamedFields.of(envelope.required("source"), "change envelope source")),
                Instant.ofEpochMilli(envelope.requiredLong("ts_ms")));
    }

    /** The attribute nodes of a Kafka key, checked to be a non-empty map. */
    public static Map<String, ?> keyNodes(Object key) {
        if (key == null) {
            throw new DataException("Change event key is null");
        }
        Map<String, ?> nodes = nodes(key, AttributePath.root("key"));
        if (nodes.isEmpty()) {
            throw new DataException("Change event key has no attributes");
        }
        return nodes;
    }

    private static Map<String, ?> nodes(Object image, AttributePath where) {
        if (image == null) {
            return null;
        }
        if (!(image instanceof Map<?, ?> map)) {
            throw new DataException(where + ": expected a map of attribute values, found " + image.getClass().getName());
        }
        for (Object name : map.keySet()) {
            if (!(name instanceof String)) {
                throw new DataException(where + ": attribute names must be strings, found " + name);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> nodes = (Map<String, ?>) map;
        return nodes;
    }

    private static Map<String, AttributeValue> attributes(Map<String, ?> nodes, AttributePath where) {
        if (nodes == null) {
            return null;
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        nodes.forEach((name, node) ->
                item.put(name, AttributeNodeReader.accept(node, where.member(name), AttributeValueVisitor.INSTANCE)));
        return item;
    }

    private static SourceInfo source(NamedFields source) {
        return new SourceInfo(
                source.requiredString("connector"),
                source.requiredString("version"),
                source.requiredString("table"),
                source.string("stream_arn"),
                source.string("shard_id"),
                source.string("sequence_number"),
                Instant.ofEpochMilli(source.requiredLong("ts_ms")),
                source.requiredBoolean("snapshot"));
    }
}
