package dev.shardbridge.sink.config;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Where the sink's AWS credentials come from; the same choices as the source connector. */
public enum CredentialsProviderType {
    /** The SDK's default chain: environment, system properties, profile, container or instance role. */
    DEFAULT("default"),
    /** A fixed access key id and secret key from the connector config. */
    STATIC("static"),
    /** A named profile from the AWS config and credentials files. */
    PROFILE("profile"),
    /** A role assumed through STS, starting from the default chain. */
    ASSUME_ROLE("assume-role");

    private final String configValue;

    CredentialsProviderType(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static CredentialsProviderType fromConfig(String value) {
        for (CredentialsProviderType type : values()) {
            if (type.configValue.equalsIgnoreCase(value.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown credentials provider '" + value + "'; expected one of " + choices());
    }

    static String choices() {
        return Arrays.stream(values()).map(CredentialsProviderType::configValue).collect(Collectors.joining(", "));
    }

    /** Validates the config value so a typo fails at submission, naming the choices. */
    static ConfigDef.Validator validator() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                try {
                    fromConfig(String.valueOf(value));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, "expected one of " + choices());
                }
            }

            @Override
            public String toString() {
                return "[" + choices() + "]";
            }
        };
    }
}
