package dev.shardbridge.common.config;

import org.apache.kafka.common.config.ConfigException;

/**
 * A problem that involves more than one key, with the key it is best reported on. Kafka's
 * {@link ConfigException} keeps no key (its three-argument form only folds name and value into the message),
 * so a connector's {@code validate()} could not otherwise show the error beside a field.
 */
public class InconsistentConfigException extends ConfigException {

    private final String key;

    public InconsistentConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
