package dev.shardbridge.sink.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts empty or a {@link KeySchemaSpec}, so a typo fails when the config is submitted. */
final class KeySchemaValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
        String spec = value == null ? "" : value.toString().trim();
        if (spec.isEmpty()) {
            return;
        }
        try {
            KeySchemaSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "empty, or name:type pairs (type S, N or B), partition key first";
    }
}
