package dev.shardbridge.common.validate;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adding field errors to the result of a ConfigDef pass, as both connectors' {@code validate()} do. */
public final class ConfigErrors {

    private ConfigErrors() {
    }

    public static boolean hasErrors(Config config) {
        return config.configValues().stream().anyMatch(value -> !value.errorMessages().isEmpty());
    }

    /** Copies rather than mutates: the caller's Config stays what its ConfigDef pass returned. */
    public static Config withErrors(Config basic, List<FieldError> errors) {
        if (errors.isEmpty()) {
            return basic;
        }
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        for (ConfigValue value : basic.configValues()) {
            ConfigValue copy = new ConfigValue(value.name(), value.value(), value.recommendedValues(),
                    new ArrayList<>(value.errorMessages()));
            copy.visible(value.visible());
            values.put(value.name(), copy);
        }
        for (FieldError error : errors) {
            values.computeIfAbsent(error.key(), ConfigValue::new).addErrorMessage(error.message());
        }
        return new Config(new ArrayList<>(values.values()));
    }
}
