package dev.shardbridge.source.config;

import dev.shardbridge.common.config.InconsistentConfigException;

import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.IDLE_BACKOFF_MAX_CONFIG;
import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.IDLE_BACKOFF_MIN_CONFIG;
import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.TABLES_CONFIG;
import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.TABLES_REGEX_CONFIG;

/**
 * Checks that involve more than one key, which ConfigDef validators cannot see; the credentials' own checks
 * are shared with the sink ({@code AwsAccess#checkConsistent}).
 */
public final class ConfigConsistency {

    private ConfigConsistency() {
    }

    static void check(DynamoDbStreamsSourceConfig config) {
        if (config.tables().isEmpty() && config.tablesRegex().isEmpty()) {
            throw new InconsistentConfigException(TABLES_CONFIG, "Set " + TABLES_CONFIG + " or " + TABLES_REGEX_CONFIG
                    + ": the connector needs at least one table to read");
        }
        config.awsAccess().checkConsistent();
        long min = config.getLong(IDLE_BACKOFF_MIN_CONFIG);
        long max = config.getLong(IDLE_BACKOFF_MAX_CONFIG);
        if (min > max) {
            throw new InconsistentConfigException(IDLE_BACKOFF_MIN_CONFIG, IDLE_BACKOFF_MIN_CONFIG
                    + " (" + min + ") must not exceed " + IDLE_BACKOFF_MAX_CONFIG + " (" + max + ")");
        }
    }
}
