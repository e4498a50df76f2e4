package dev.shardbridge.event.connect;

import dev.shardbridge.event.Operation;
import dev.shardbridge.event.SourceInfo;

import java.time.Instant;
import java.util.Map;

/**
 * A change envelope read from Connect data, with its attribute values still in Connect form
 * (structs, or maps without schemas) for {@link AttributeNodeReader}. Writers that only re-encode
 * an envelope use it to skip building SDK attribute values.
 *
 * @param op        the kind of change
 * @param key       key attribute nodes, by name
 * @param before    old image attribute nodes, or null
 * @param after     new image attribute nodes, or null
 * @param source    where the change came from
 * @param timestamp the envelope's {@code ts_ms}
 */
public record EnvelopeView(Operation op, Map<String, ?> key, Map<String, ?> before, Map<String, ?> after,
                           SourceInfo source, Instant timestamp) {
}
