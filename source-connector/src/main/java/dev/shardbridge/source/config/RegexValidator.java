package dev.shardbridge.source.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Accepts an empty value or a compilable Java regular expression, so a typo fails at validation time. */
final class RegexValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null || value.toString().isEmpty()) {
            return;
        }
        try {
            Pattern.compile(value.toString());
        } catch (PatternSyntaxException e) {
            throw new ConfigException(name, value, "not a valid Java regular expression: " + e.getDescription());
        }
    }

    @Override
    public String toString() {
        return "a Java regular expression, or empty";
    }
}
