package dev.shardbridge.source.cluster;

import dev.shardbridge.source.DynamoDbStreamsSourceConnector;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The source connector's own settings for one table on a local store (the emulator or DynamoDB Local), tuned
 * for tests: discovery every half second and short idle backoff. Whoever runs the connector (a Connect cluster,
 * Debezium's engine) adds its own keys.
 */
public final class SourceConnectorSettings {

    private SourceConnectorSettings() {
    }

    public static Map<String, String> forTable(URI endpoint, String table, int maxTasks) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", DynamoDbStreamsSourceConnector.class.getName());
        config.put("tasks.max", Integer.toString(maxTasks));
        config.put("tables", table);
        config.put("aws.endpoint.override", endpoint.toString());
        config.put("aws.region", "us-east-1");
        config.put("aws.credentials.provider", "static");
        config.put("aws.access.key.id", "local");
        config.put("aws.secret.access.key", "local");
        config.put("shard.discovery.interval.ms", "500");
        config.put("poll.idle.backoff.max.ms", "200");
        return config;
    }
}
