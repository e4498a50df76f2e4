package dev.shardbridge.quickstart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The replica compared with the source item by item. The sink adds hidden attributes to every replicated item
 * (its version guard) and keeps deleted items as markers so a late put cannot bring them back; readers of the
 * replica ignore the former and treat the latter as absent, and so does this comparison.
 *
 * @param sourceItems   items in the source table
 * @param replicaItems  live items in the replica (deletion markers left out)
 * @param deleteMarkers replica items marked deleted
 * @param missing       keys in the source but not (live) in the replica
 * @param unexpected    keys live in the replica but not in the source
 * @param different     keys in both whose attributes differ
 */
record ReplicaComparison(int sourceItems, int replicaItems, int deleteMarkers, List<String> missing,
                         List<String> unexpected, List<String> different) {

    /** The sink's hidden attributes: its version attribute and its deletion marker (config/sink-emulator.json). */
    record HiddenAttributes(String version, String deleted) {
        static final String PREFIX = "_shardbridge_";
        static final HiddenAttributes DEFAULTS = new HiddenAttributes("_shardbridge_pos", "_shardbridge_deleted");

        boolean hidden(String attribute) {
            return attribute.equals(version) || attribute.equals(deleted) || attribute.startsWith(PREFIX);
        }

        boolean markedDeleted(Map<String, AttributeValue> item) {
            AttributeValue marker = item.get(deleted);
            return marker != null && Boolean.TRUE.equals(marker.bool());
        }
    }

    static ReplicaComparison compare(List<Map<String, AttributeValue>> source,
                                     List<Map<String, AttributeValue>> replica, List<String> keyAttributes,
                                     HiddenAttributes hidden) {
        Map<String, Map<String, AttributeValue>> expected = new HashMap<>();
        source.forEach(item -> expected.put(keyOf(item, keyAttributes), item));
        Map<String, Map<String, AttributeValue>> actual = new HashMap<>();
        int markers = 0;
        for (Map<String, AttributeValue> item : replica) {
            if (hidden.markedDeleted(item)) {
                markers++;
                continue;
            }
            Map<String, AttributeValue> visible = new HashMap<>(item);
            visible.keySet().removeIf(hidden::hidden);
            actual.put(keyOf(item, keyAttributes), visible);
        }
        List<String> missing = new ArrayList<>();
        List<String> different = new ArrayList<>();
        expected.forEach((key, item) -> {
            Map<String, AttributeValue> copy = actual.get(key);
            if (copy == null) {
                missing.add(key);
            } else if (!copy.equals(item)) {
                different.add(key);
            }
        });
        List<String> unexpected = actual.keySet().stream().filter(key -> !expected.containsKey(key)).sorted().toList();
        return new ReplicaComparison(expected.size(), actual.size(), markers, sorted(missing), unexpected,
                sorted(different));
    }

    boolean equal() {
        return missing.isEmpty() && unexpected.isEmpty() && different.isEmpty();
    }

    private static String keyOf(Map<String, AttributeValue> item, List<String> keyAttributes) {
        StringBuilder key = new StringBuilder();
        for (String attribute : keyAttributes) {
            AttributeValue value = item.get(attribute);
            String text = value == null ? "?" : value.s() != null ? value.s() : value.n();
            key.append(key.length() == 0 ? "" : "/").append(text);
        }
        return key.toString();
    }

    private static List<String> sorted(List<String> keys) {
        return keys.stream().sorted().toList();
    }
}
