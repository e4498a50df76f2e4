package dev.shardbridge.sink.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Checks the format when the config is submitted, not when the first record arrives. */
final class TableNameFormatValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
        try {
            new TableNameFormat(value == null ? null : value.toString());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "a table name with optional ${table} and ${topic}";
    }
}
