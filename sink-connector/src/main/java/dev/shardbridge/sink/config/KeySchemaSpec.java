package dev.shardbridge.sink.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A table key schema in key order: the partition key, then the optional sort key, each with its
 * scalar type. Written in config as {@code name:type} pairs, e.g. {@code customer:S,order:N}.
 *
 * @param attributes attribute name to type, partition key first
 */
public record KeySchemaSpec(Map<String, ScalarAttributeType> attributes) {

    public KeySchemaSpec {
        if (attributes.isEmpty() || attributes.size() > 2) {
            throw new IllegalArgumentException("A key schema has a partition key and at most one sort key, got "
                    + attributes.keySet());
        }
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code spec} */
    public static KeySchemaSpec parse(String spec) {
        Map<String, ScalarAttributeType> attributes = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String[] parts = pair.trim().split(":");
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("'" + pair.trim() + "' is not name:type");
            }
            ScalarAttributeType type = ScalarAttributeType.fromValue(parts[1].trim().toUpperCase(Locale.ROOT));
            if (type == ScalarAttributeType.UNKNOWN_TO_SDK_VERSION) {
                throw new IllegalArgumentException("Key type '" + parts[1].trim() + "' is not S, N or B");
            }
            if (attributes.put(parts[0].trim(), type) != null) {
                throw new IllegalArgumentException("Key attribute '" + parts[0].trim() + "' appears twice");
            }
        }
        return new KeySchemaSpec(attributes);
    }

    /** The key schema of an existing table, partition key first. */
    public static KeySchemaSpec of(TableDescription table) {
        Map<String, ScalarAttributeType> declared = new LinkedHashMap<>();
        table.attributeDefinitions().forEach(d -> declared.put(d.attributeName(), d.attributeType()));
        Map<String, ScalarAttributeType> attributes = new LinkedHashMap<>();
        table.keySchema().stream().sorted(Comparator.comparing(e -> e.keyType() == KeyType.HASH ? 0 : 1))
                .forEach(element -> attributes.put(element.attributeName(), declared.get(element.attributeName())));
        return new KeySchemaSpec(attributes);
    }

    public List<KeySchemaElement> keySchema() {
        List<KeySchemaElement> elements = new ArrayList<>();
        attributes.keySet().forEach(name -> elements.add(KeySchemaElement.builder().attributeName(name)
                .keyType(elements.isEmpty() ? KeyType.HASH : KeyType.RANGE).build()));
        return elements;
    }

    public List<AttributeDefinition> attributeDefinitions() {
        return attributes.entrySet().stream().map(attribute -> AttributeDefinition.builder()
                .attributeName(attribute.getKey()).attributeType(attribute.getValue()).build()).toList();
    }

    /** Key order matters: the same attributes as partition and sort key swapped are another schema. */
    @Override
    public boolean equals(Object other) {
        return other instanceof KeySchemaSpec spec && List.copyOf(attributes.entrySet()).equals(List.copyOf(spec.attributes.entrySet()));
    }

    @Override
    public int hashCode() {
        return List.copyOf(attributes.entrySet()).hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        attributes.forEach((name, type) -> text.append(text.isEmpty() ? "" : ",").append(name).append(':').append(type));
        return text.toString();
    }
}
