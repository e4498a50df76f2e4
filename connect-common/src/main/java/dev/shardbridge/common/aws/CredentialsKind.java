package dev.shardbridge.common.aws;

import java.util.Arrays;

/** Which AWS credentials provider the connector's clients use. */
public enum CredentialsKind {
    /** The SDK's default chain: environment, system properties, profile file, container, instance role. */
    DEFAULT("default"),
    /** A fixed access key id and secret access key from the connector configuration. */
    STATIC("static"),
    /** A named profile from the AWS shared config and credentials files. */
    PROFILE("profile"),
    /** A role assumed through STS, starting from the default chain's credentials. */
    ASSUME_ROLE("assume-role");

    private final String configValue;

    CredentialsKind(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static CredentialsKind fromConfig(String value) {
        return Arrays.stream(values()).filter(k -> k.configValue.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown credentials provider " + value));
    }

    public static String[] configValues() {
        return Arrays.stream(values()).map(CredentialsKind::configValue).toArray(String[]::new);
    }
}
