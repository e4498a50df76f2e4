package dev.shardbridge.event;

import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A table's primary key attribute names, and the one rule for turning an item into its Kafka key.
 *
 * <p>Key attributes are kept in attribute-name order (Java {@link String} order), not in key
 * schema order: the key's bytes then depend only on the key values, whatever order a stream
 * record, a scan or a hash map lists the attributes in, so every change to one item lands on the
 * same Kafka partition.
 *
 * @param partitionKey the HASH key attribute name
 * @param sortKey      the RANGE key attribute name, or null for tables without one
 */
public record TableKey(String partitionKey, String sortKey) {

    public TableKey {
        Objects.requireNonNull(partitionKey, "partitionKey");
        if (partitionKey.equals(sortKey)) {
            throw new IllegalArgumentException("Partition and sort key must differ: " + partitionKey);
        }
    }

    public static TableKey of(String partitionKey) {
        return new TableKey(partitionKey, null);
    }

    public static TableKey of(String partitionKey, String sortKey) {
        return new TableKey(partitionKey, sortKey);
    }

    /** The key attribute names, partition key first. */
    public List<String> attributeNames() {
        return sortKey == null ? List.of(partitionKey) : List.of(partitionKey, sortKey);
    }

    /**
     * The key attributes of {@code item} (a stream record's {@code Keys}, or a whole item), in
     * attribute-name order.
     *
     * @throws DataException if a key attribute is missing or not of a key type
     */
    public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new TreeMap<>();
        for (String name : attributeNames()) {
            AttributeValue value = item.get(name);
            if (value == null) {
                throw new DataException("Item has no key attribute '" + name + "' (table key " + attributeNames() + ")");
            }
            key.put(name, value);
        }
        return sorted(key);
    }

    /** A copy of {@code key} in attribute-name order, checking that every value is of a key type. */
    static Map<String, AttributeValue> sorted(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> ordered = new LinkedHashMap<>();
        new TreeMap<>(key).forEach((name, value) -> {
            requireKeyType(name, value);
            ordered.put(name, value);
        });
        return ordered;
    }

    private static void requireKeyType(String name, AttributeValue value) {
        if (value == null) {
            throw new DataException("Key attribute '" + name + "' has no value");
        }
        switch (value.type()) {
            case S, N, B -> { }
            default -> throw new DataException("Key attribute '" + name + "' has type " + value.type()
                    + "; DynamoDB key attributes are S, N or B");
        }
    }
}
