package dev.shardbridge.emulator.operation;

import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.AttributeValueJson;
import dev.shardbridge.emulator.model.ItemSize;
import dev.shardbridge.emulator.model.KeySchema;
import java.util.Map;

/** The checks DynamoDB applies to keys and items against a table's key schema, with AWS's messages. */
public final class KeyValidator {
    /** AWS's key size limits (the partition key's message really has no space before the number). */
    static final int MAX_PARTITION_KEY_BYTES = 2048;
    static final int MAX_SORT_KEY_BYTES = 1024;

    private KeyValidator() {
    }

    /** A {@code Key} parameter must hold exactly the key attributes, each of its declared type. */
    public static void requireKey(KeySchema schema, Map<String, AttributeValue> key) {
        if (key == null || !keyMatches(schema, key)) {
            throw DynamoDbException.validation("The provided key element does not match the schema");
        }
        requireNonEmptyKeyValues(schema, key);
    }

    /** Whether the map holds exactly the key attributes with the declared types. */
    public static boolean keyMatches(KeySchema schema, Map<String, AttributeValue> key) {
        int expected = schema.hasSortKey() ? 2 : 1;
        if (key.size() != expected) {
            return false;
        }
        for (Map.Entry<String, AttributeValue> attribute : key.entrySet()) {
            AttributeType declared = schema.typeOf(attribute.getKey());
            if (declared == null || attribute.getValue().type() != declared) {
                return false;
            }
        }
        return true;
    }

    /** An item must contain the key attributes with the declared types and fit in 400 KB. */
    public static void requireItem(KeySchema schema, Map<String, AttributeValue> item) {
        for (String name : item.keySet()) {
            AttributeValueJson.requireAttributeName(name);
        }
        requireKeyAttribute(schema.partitionKey(), schema.partitionKeyType(), item);
        if (schema.hasSortKey()) {
            requireKeyAttribute(schema.sortKey(), schema.sortKeyType(), item);
        }
        requireNonEmptyKeyValues(schema, item);
        requireSize(item);
    }

    public static void requireSize(Map<String, AttributeValue> item) {
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
        }
    }

    private static void requireKeyAttribute(String name, AttributeType declared, Map<String, AttributeValue> item) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw DynamoDbException.invalidParameter("Missing the key " + name + " in the item");
        }
        if (value.type() != declared) {
            throw DynamoDbException.invalidParameter(
                    "Type mismatch for key " + name + " expected: " + declared + " actual: " + value.type());
        }
    }

    private static void requireNonEmptyKeyValues(KeySchema schema, Map<String, AttributeValue> item) {
        AttributeValue partition = item.get(schema.partitionKey());
        requireNonEmpty(schema.partitionKey(), partition);
        if (ItemSize.of(partition) > MAX_PARTITION_KEY_BYTES) {
            throw DynamoDbException.invalidParameter(
                    "Size of hashkey has exceeded the maximum size limit of" + MAX_PARTITION_KEY_BYTES + " bytes");
        }
        if (schema.hasSortKey()) {
            AttributeValue sort = item.get(schema.sortKey());
            requireNonEmpty(schema.sortKey(), sort);
            if (ItemSize.of(sort) > MAX_SORT_KEY_BYTES) {
                throw DynamoDbException.invalidParameter(
                        "Aggregated size of all range keys has exceeded the size limit of " + MAX_SORT_KEY_BYTES
                                + " bytes");
            }
        }
    }

    private static void requireNonEmpty(String name, AttributeValue value) {
        boolean empty = value instanceof AttributeValue.StringValue s && s.value().isEmpty()
                || value instanceof AttributeValue.BinaryValue b && b.value().size() == 0;
        if (empty) {
            String kind = value.type() == AttributeType.S ? "string" : "binary";
            throw DynamoDbException.validation("One or more parameter values are not valid. The AttributeValue for a "
                    + "key attribute cannot contain an empty " + kind + " value. Key: " + name);
        }
    }
}
