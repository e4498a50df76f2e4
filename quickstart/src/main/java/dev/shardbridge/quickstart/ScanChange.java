package dev.shardbridge.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A change to one parcel scan as a plain Kafka consumer reads it: the JSON envelope of docs/record-format.md
 * (with or without JsonConverter's schema wrapper), reduced to the key and the new image.
 *
 * @param op    the envelope's op: c, u, d or r
 * @param after the scan after the change, or null when it was deleted
 */
record ScanChange(String op, String parcelId, int scanSequence, ParcelScan after) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The change in a record value; empty for a tombstone (a null value after a delete). */
    static Optional<ScanChange> parse(byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(value);
            if (root == null || root.isNull()) {
                return Optional.empty();
            }
            JsonNode envelope = root.has("payload") ? root.get("payload") : root;
            if (envelope.isNull()) {
                return Optional.empty();
            }
            Map<String, AttributeValue> key = image(envelope.get("key"));
            JsonNode after = envelope.get("after");
            return Optional.of(new ScanChange(envelope.get("op").asText(), key.get(ParcelScan.PARCEL_ID).s(),
                    Integer.parseInt(key.get(ParcelScan.SCAN_SEQ).n()),
                    after == null || after.isNull() ? null : ParcelScan.fromItem(image(after))));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON change event", e);
        }
    }

    /** The S and N attributes of an image or key; the demo's items hold nothing else. */
    private static Map<String, AttributeValue> image(JsonNode node) {
        Map<String, AttributeValue> item = new HashMap<>();
        node.properties().forEach(field -> {
            JsonNode typed = field.getValue();
            if (typed.hasNonNull("S")) {
                item.put(field.getKey(), AttributeValue.fromS(typed.get("S").asText()));
            } else if (typed.hasNonNull("N")) {
                item.put(field.getKey(), AttributeValue.fromN(typed.get("N").asText()));
            }
        });
        return item;
    }

    /** A row of the source's snapshot scan rather than a change from the stream. */
    boolean snapshotRead() {
        return "r".equals(op);
    }

    boolean deleted() {
        return after == null;
    }
}
