package dev.shardbridge.event.connect;

import org.apache.kafka.connect.data.Schema;

/**
 * The Connect key and value of one change event, ready for a {@code SourceRecord}.
 *
 * @param keySchema   {@link EnvelopeSchema#KEY}
 * @param key         the primary key map
 * @param valueSchema {@link EnvelopeSchema#ENVELOPE}, or null for a tombstone
 * @param value       the envelope struct, or null for a tombstone
 */
public record EnvelopeRecord(Schema keySchema, Object key, Schema valueSchema, Object value) {

    /**
     * The tombstone that follows a delete: same key, null value, so log compaction can drop every
     * earlier record of the item. Whether to send it is the source's choice.
     */
    public EnvelopeRecord tombstone() {
        return new EnvelopeRecord(keySchema, key, null, null);
    }

    public boolean isTombstone() {
        return value == null;
    }
}
