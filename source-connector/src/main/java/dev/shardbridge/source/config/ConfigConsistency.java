package dev.shardbridge.source.config;

import org.apache.kafka.common.config.ConfigException;

import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.ACCESS_KEY_ID_CONFIG;
import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.CREDENTIALS_PROVIDER_CONFIG;
import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.IDLE_BACKOFF_MAX_CONFIG;
import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.IDLE_BACKOFF_MIN_CONFIG;
import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.PROFILE_NAME_CONFIG;
import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.ROLE_ARN_CONFIG;
import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.SECRET_ACCESS_KEY_CONFIG;
import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.TABLES_CONFIG;
import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.TABLES_REGEX_CONFIG;

/**
 * Checks that involve more than one key, which ConfigDef validators cannot see. Settings that the chosen
 * provider would ignore are rejected too: a user who sets keys but forgets the provider would otherwise run
 * with credentials they did not intend.
 */
public final class ConfigConsistency {

    /**
     * A cross-key problem with the key it is best reported on. Kafka's {@link ConfigException} keeps no key
     * (its three-argument form only folds name and value into the message), so {@code validate()} could not
     * otherwise show the error beside a field.
     */
    public static final class InconsistentConfigException extends ConfigException {
        private final String key;

        InconsistentConfigException(String key, String message) {
            super(message);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private ConfigConsistency() {
    }

    static void check(DynamoDbStreamsSourceConfig config) {
        if (config.tables().isEmpty() && config.tablesRegex().isEmpty()) {
            throw new InconsistentConfigException(TABLES_CONFIG, "Set " + TABLES_CONFIG + " or " + TABLES_REGEX_CONFIG
                    + ": the connector needs at least one table to read");
        }
        checkCredentials(config.credentials());
        long min = config.getLong(IDLE_BACKOFF_MIN_CONFIG);
        long max = config.getLong(IDLE_BACKOFF_MAX_CONFIG);
        if (min > max) {
            throw new InconsistentConfigException(IDLE_BACKOFF_MIN_CONFIG, IDLE_BACKOFF_MIN_CONFIG
                    + " (" + min + ") must not exceed " + IDLE_BACKOFF_MAX_CONFIG + " (" + max + ")");
        }
    }

    private static void checkCredentials(CredentialsSettings credentials) {
        String kind = credentials.kind().configValue();
        boolean keys = credentials.accessKeyId().isPresent() || credentials.secretAccessKey().isPresent();
        switch (credentials.kind()) {
            case STATIC -> {
                if (credentials.accessKeyId().isEmpty() || credentials.secretAccessKey().isEmpty()) {
                    String missing = credentials.accessKeyId().isEmpty()
                            ? ACCESS_KEY_ID_CONFIG : SECRET_ACCESS_KEY_CONFIG;
                    throw new InconsistentConfigException(missing, CREDENTIALS_PROVIDER_CONFIG + "=static needs both "
                            + ACCESS_KEY_ID_CONFIG + " and " + SECRET_ACCESS_KEY_CONFIG);
                }
            }
            case PROFILE -> require(credentials.profileName().isPresent(), kind, PROFILE_NAME_CONFIG);
            case ASSUME_ROLE -> require(credentials.roleArn().isPresent(), kind, ROLE_ARN_CONFIG);
            case DEFAULT -> { }
        }
        if (keys && credentials.kind() != CredentialsKind.STATIC) {
            reject(kind, ACCESS_KEY_ID_CONFIG + "/" + SECRET_ACCESS_KEY_CONFIG, "static");
        }
        if (credentials.profileName().isPresent() && credentials.kind() != CredentialsKind.PROFILE) {
            reject(kind, PROFILE_NAME_CONFIG, "profile");
        }
        if ((credentials.roleArn().isPresent() || credentials.roleExternalId().isPresent())
                && credentials.kind() != CredentialsKind.ASSUME_ROLE) {
            reject(kind, ROLE_ARN_CONFIG + "/" + DynamoDbStreamsSourceConfig.ROLE_EXTERNAL_ID_CONFIG, "assume-role");
        }
    }

    private static void require(boolean present, String kind, String key) {
        if (!present) {
            throw new InconsistentConfigException(key, CREDENTIALS_PROVIDER_CONFIG + "=" + kind + " needs " + key);
        }
    }

    private static void reject(String kind, String keys, String intendedKind) {
        throw new InconsistentConfigException(CREDENTIALS_PROVIDER_CONFIG, keys + " is set but "
                + CREDENTIALS_PROVIDER_CONFIG + " is '" + kind + "', which ignores it; set "
                + CREDENTIALS_PROVIDER_CONFIG + "=" + intendedKind + " or remove it");
    }
}
