package dev.shardbridge.event;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * One change to one item, independent of any wire format: what the source writes, what every
 * converter and SMT reads, and what the sink replays.
 *
 * <p>Images are exactly what the stream record (or the scan) gave: {@code before} is the old image
 * and {@code after} the new image, each null when the stream view type does not carry it (a
 * KEYS_ONLY stream has neither). The maps are wrapped, not copied, so large items cost nothing
 * extra; callers must not change them afterwards.
 *
 * @param op        the kind of change
 * @param key       the primary key attributes, in attribute-name order (see {@link TableKey})
 * @param before    the item before the change, or null
 * @param after     the item after the change, or null
 * @param source    where the change came from
 * @param timestamp when the connector built the event (the envelope's {@code ts_ms})
 */
public record ChangeEvent(Operation op, Map<String, AttributeValue> key, Map<String, AttributeValue> before,
                          Map<String, AttributeValue> after, SourceInfo source, Instant timestamp) {

    public ChangeEvent {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(timestamp, "timestamp");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("A change event needs at least one key attribute");
        }
        key = Collections.unmodifiableMap(TableKey.sorted(key));
        before = before == null ? null : Collections.unmodifiableMap(before);
        after = after == null ? null : Collections.unmodifiableMap(after);
        timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
    }

}
