package dev.shardbridge.sink.tables;

import dev.shardbridge.sink.config.DynamoDbSinkConfig;
import dev.shardbridge.sink.config.KeySchemaSpec;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The key schema a new target table gets when the user declared none: read off a change's key. */
final class KeySchemas {

    private KeySchemas() {
    }

    /**
     * A one-attribute key is unambiguous. A two-attribute key is not: change events list key
     * attributes in name order, so which one is the partition key is not in the record.
     *
     * @throws ConnectException for a composite key, asking for {@code table.key.schema}
     */
    static KeySchemaSpec fromKey(String table, Map<String, AttributeValue> key) {
        if (key.size() != 1) {
            throw new ConnectException("Cannot create target table " + table + ": its changes have the composite key "
                    + key.keySet() + " and change events do not say which attribute is the partition key; set "
                    + DynamoDbSinkConfig.TABLE_KEY_SCHEMA_CONFIG + " (e.g. 'customer:S,order:N') or create the table");
        }
        Map.Entry<String, AttributeValue> attribute = key.entrySet().iterator().next();
        return new KeySchemaSpec(Map.of(attribute.getKey(), typeOf(attribute.getValue())));
    }

    private static ScalarAttributeType typeOf(AttributeValue value) {
        return switch (value.type()) {
            case S -> ScalarAttributeType.S;
            case N -> ScalarAttributeType.N;
            case B -> ScalarAttributeType.B;
            default -> throw new IllegalArgumentException("Not a key type: " + value.type());
        };
    }
}
