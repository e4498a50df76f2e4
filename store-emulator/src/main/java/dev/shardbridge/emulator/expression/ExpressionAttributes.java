package dev.shardbridge.emulator.expression;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, shared by
 * all its expressions. Records which placeholders were used, because AWS rejects unused ones.
 */
public final class ExpressionAttributes {
    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    /**
     * Checks the placeholders' spelling ({@code #} or {@code :} and then letters, digits or underscores)
     * and that no name is empty, with AWS's messages.
     *
     * @param names  {@code #placeholder -> attribute name}; null when the request had none
     * @param values {@code :placeholder -> value}; null when the request had none
     */
    public ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values) {
        this.names = names == null ? Map.of() : new LinkedHashMap<>(names);
        this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
        for (Map.Entry<String, String> name : this.names.entrySet()) {
            if (!isPlaceholder(name.getKey(), '#')) {
                throw ExpressionErrors.invalidNameKey(name.getKey());
            }
            if (name.getValue() == null || name.getValue().isEmpty()) {
                throw ExpressionErrors.emptyName(name.getKey());
            }
        }
        for (String key : this.values.keySet()) {
            if (!isPlaceholder(key, ':')) {
                throw ExpressionErrors.invalidValueKey(key);
            }
        }
    }

    /** For requests without placeholders. */
    public static ExpressionAttributes none() {
        return new ExpressionAttributes(null, null);
    }

    /** Resolves {@code #name}, failing with AWS's message when it is not defined. */
    public String name(String placeholder, ExpressionKind kind) {
        String name = lookupName(placeholder);
        if (name == null) {
            throw ExpressionErrors.invalid(kind, ExpressionErrors.undefinedName(placeholder));
        }
        return name;
    }

    /** Resolves {@code :value}, failing with AWS's message when it is not defined. */
    public AttributeValue value(String placeholder, ExpressionKind kind) {
        AttributeValue value = lookupValue(placeholder);
        if (value == null) {
            throw ExpressionErrors.invalid(kind, ExpressionErrors.undefinedValue(placeholder));
        }
        return value;
    }

    /** Resolves {@code #name} and marks it used; null when it is not defined (the parser reports that later). */
    public String lookupName(String placeholder) {
        String name = names.get(placeholder);
        if (name != null) {
            usedNames.add(placeholder);
        }
        return name;
    }

    /** Resolves {@code :value} and marks it used; null when it is not defined. */
    public AttributeValue lookupValue(String placeholder) {
        AttributeValue value = values.get(placeholder);
        if (value != null) {
            usedValues.add(placeholder);
        }
        return value;
    }

    /**
     * Fails with AWS's message ("Value provided in ExpressionAttributeNames unused in expressions:
     * keys: {#a}", likewise for values) when a given placeholder was not used by any expression
     * parsed so far. Called once after all of a request's expressions are parsed.
     */
    public void requireAllUsed() {
        List<String> unusedNames = names.keySet().stream().filter(key -> !usedNames.contains(key)).toList();
        if (!unusedNames.isEmpty()) {
            throw ExpressionErrors.unused("ExpressionAttributeNames", unusedNames);
        }
        List<String> unusedValues = values.keySet().stream().filter(key -> !usedValues.contains(key)).toList();
        if (!unusedValues.isEmpty()) {
            throw ExpressionErrors.unused("ExpressionAttributeValues", unusedValues);
        }
    }

    private static boolean isPlaceholder(String key, char sigil) {
        if (key.length() < 2 || key.charAt(0) != sigil) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean wordCharacter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!wordCharacter) {
                return false;
            }
        }
        return true;
    }
}
