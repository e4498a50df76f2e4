package dev.shardbridge.emulator.model;

import java.util.Map;
import java.util.Objects;

/**
 * A table's primary key: a partition (hash) key and an optional sort (range) key, each with its
 * declared scalar type.
 */
public record KeySchema(String partitionKey, AttributeType partitionKeyType, String sortKey,
                        AttributeType sortKeyType) {

    public KeySchema {
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(partitionKeyType, "partitionKeyType");
        if ((sortKey == null) != (sortKeyType == null)) {
            throw new IllegalArgumentException("sort key name and type go together");
        }
    }

    public static KeySchema hash(String name, AttributeType type) {
        return new KeySchema(name, type, null, null);
    }

    public boolean hasSortKey() {
        return sortKey != null;
    }

    public boolean isKeyAttribute(String name) {
        return name.equals(partitionKey) || name.equals(sortKey);
    }

    /** The declared type of a key attribute, or null if the name is not part of the key. */
    public AttributeType typeOf(String name) {
        if (name.equals(partitionKey)) {
            return partitionKeyType;
        }
        return name.equals(sortKey) ? sortKeyType : null;
    }

    /** The key attributes of an item, partition key first. */
    public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        AttributeValue partition = item.get(partitionKey);
        if (!hasSortKey()) {
            return Map.of(partitionKey, partition);
        }
        return Map.of(partitionKey, partition, sortKey, item.get(sortKey));
    }
}
