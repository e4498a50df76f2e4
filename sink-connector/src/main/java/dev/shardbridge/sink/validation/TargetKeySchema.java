package dev.shardbridge.sink.validation;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The target table's key attributes and their types, as DescribeTable reports them. Checked
 * against every change so a key of the wrong type becomes a bad record with a clear reason.
 *
 * @param types key attribute name to its declared type, partition key first
 */
public record TargetKeySchema(Map<String, ScalarAttributeType> types) {

    public TargetKeySchema {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("A key schema has at least one attribute");
        }
        types = Map.copyOf(types);
    }

    public static TargetKeySchema of(TableDescription table) {
        Map<String, ScalarAttributeType> declared = new LinkedHashMap<>();
        for (AttributeDefinition definition : table.attributeDefinitions()) {
            declared.put(definition.attributeName(), definition.attributeType());
        }
        Map<String, ScalarAttributeType> keyTypes = new LinkedHashMap<>();
        for (KeySchemaElement element : table.keySchema()) {
            keyTypes.put(element.attributeName(), declared.get(element.attributeName()));
        }
        return new TargetKeySchema(keyTypes);
    }
}
