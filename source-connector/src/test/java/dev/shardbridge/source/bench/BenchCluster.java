package dev.shardbridge.source.bench;

import dev.shardbridge.source.cluster.SourceCluster;
import dev.shardbridge.source.config.DynamoDbStreamsSourceConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The cluster tests' harness (in-process emulator, one broker, one Connect worker) set up for measuring: the
 * connector runs with the product's defaults rather than the tests' shortened intervals, and every change topic
 * is created up front with a known partition count so its size can be read from end offsets.
 */
final class BenchCluster implements AutoCloseable {

    /** Partitions of every change topic: enough that four tasks' records spread over several batches. */
    static final int TOPIC_PARTITIONS = 4;

    private final SourceCluster cluster;
    private final Admin admin;

    private BenchCluster(SourceCluster cluster) {
        this.cluster = cluster;
        this.admin = cluster.connect().kafka().createAdminClient();
    }

    static BenchCluster start() {
        // Connect's default commit interval, not the tests' half second: 64 idle tasks committing twice a second
        // would be a cost of the harness, not of the connector.
        return new BenchCluster(SourceCluster.start(1, Map.of("offset.flush.interval.ms", "60000")));
    }

    DynamoDbClient dynamoDb() {
        return cluster.dynamoDb();
    }

    EmbeddedConnectCluster connect() {
        return cluster.connect();
    }

    Admin admin() {
        return admin;
    }

    void createTable(String table, int partitions) {
        cluster.createTable(table, partitions);
    }

    /** Creates the empty change topic {@code prefix + table} and returns its name. */
    String createTopic(String prefix, String table) {
        String topic = prefix + table;
        cluster.connect().kafka().createTopic(topic, TOPIC_PARTITIONS);
        return topic;
    }

    /**
     * Connector settings for {@code table}: the connection settings of the cluster tests, the product's defaults
     * for polling and discovery (the tests shorten them), then {@code tuning} on top.
     */
    Map<String, String> connectorConfig(String table, int maxTasks, OutputFormat format, String topicPrefix,
                                        Map<String, String> tuning) {
        Map<String, String> config = new HashMap<>(cluster.sourceConfig(table, maxTasks));
        config.remove(DynamoDbStreamsSourceConfig.IDLE_BACKOFF_MAX_CONFIG);
        config.remove(DynamoDbStreamsSourceConfig.SHARD_DISCOVERY_INTERVAL_CONFIG);
        config.put(DynamoDbStreamsSourceConfig.TOPIC_PREFIX_CONFIG, topicPrefix);
        config.putAll(format.connectorSettings());
        config.putAll(tuning);
        return config;
    }

    /** Creates a connector and returns at once, without waiting for its tasks: startup is part of a drain. */
    void createConnector(String name, Map<String, String> config) {
        cluster.connect().configureConnector(name, config);
    }

    void awaitTasksRunning(String name, int tasks) throws InterruptedException {
        // Connect's assertion logs a stack trace for every status request made before the connector has one.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!hasStatus(name) && System.nanoTime() - deadline < 0) {
            Thread.sleep(100);
        }
        cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(name, tasks,
                "connector " + name + " did not start " + tasks + " tasks");
    }

    private boolean hasStatus(String name) {
        try {
            cluster.connect().connectorStatus(name);
            return true;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    void deleteConnector(String name) {
        cluster.connect().deleteConnector(name);
    }

    @Override
    public void close() {
        admin.close();
        cluster.close();
    }
}
