package dev.shardbridge.source.offset;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds source partition maps whose key order is the same in every JVM. Connect finds an offset by the exact
 * bytes of its serialized partition, and JSON objects keep the map's iteration order. {@code Map.of} iterates
 * in an order salted per JVM, so a worker restarted in a new JVM would look up {@code {"shard":..,"table":..}}
 * where {@code {"table":..,"shard":..}} was stored and find nothing. HashMap's order depends only on the keys,
 * and a default-sized HashMap is also what Connect's own JSON converter builds when it reads partitions back (the
 * REST offsets API looks offsets up with those), so every path serializes a partition alike. The capacity matters:
 * a HashMap sized for two entries iterates them in another order.
 */
final class PartitionMaps {

    private PartitionMaps() {
    }

    static <V> Map<String, V> of(String key1, V value1, String key2, V value2) {
        Map<String, V> map = new HashMap<>();
        map.put(key1, value1);
        map.put(key2, value2);
        return Collections.unmodifiableMap(map);
    }
}
