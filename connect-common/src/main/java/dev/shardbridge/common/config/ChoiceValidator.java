package dev.shardbridge.common.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.util.List;

/**
 * Accepts one of a fixed list of words, ignoring case. Kafka's own CaseInsensitiveValidString keeps its
 * choices in a hash set and prints them upper-cased in hash order; the generated reference needs them as
 * users type them, in declaration order.
 */
public final class ChoiceValidator implements ConfigDef.Validator {

    private final List<String> choices;

    private ChoiceValidator(List<String> choices) {
        this.choices = choices;
    }

    public static ChoiceValidator of(String... choices) {
        return new ChoiceValidator(List.of(choices));
    }

    @Override
    public void ensureValid(String name, Object value) {
        String text = value == null ? null : value.toString();
        if (choices.stream().noneMatch(choice -> choice.equalsIgnoreCase(text))) {
            throw new ConfigException(name, value, "must be one of " + String.join(", ", choices));
        }
    }

    @Override
    public String toString() {
        return "one of " + String.join(", ", choices);
    }
}
