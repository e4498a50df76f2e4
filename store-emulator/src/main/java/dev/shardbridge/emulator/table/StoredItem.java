package dev.shardbridge.emulator.table;

import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.ItemSize;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An item as stored: its attributes, frozen, and its size computed once for page caps and limits. */
public record StoredItem(Map<String, AttributeValue> attributes, int sizeBytes) {

    public static StoredItem of(Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> frozen = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        return new StoredItem(frozen, ItemSize.of(frozen));
    }
}
