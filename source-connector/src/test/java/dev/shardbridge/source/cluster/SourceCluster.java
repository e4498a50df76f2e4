package dev.shardbridge.source.cluster;

import dev.shardbridge.emulator.StoreEmulator;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The pieces every source cluster test needs: an in-process emulator, a Kafka + Connect cluster that finds the
 * connector through its service manifest, and the connector config pointing one at the other.
 */
final class SourceCluster implements AutoCloseable {

    private final StoreEmulator emulator;
    private final EmbeddedConnectCluster connect;
    private final DynamoDbClient dynamoDb;

    private SourceCluster(StoreEmulator emulator, EmbeddedConnectCluster connect) {
        this.emulator = emulator;
        this.connect = connect;
        this.dynamoDb = KeyedTable.client(emulator.endpoint());
    }

    static SourceCluster start(int workers, Map<String, String> extraWorkerProps) {
        return start(workers, extraWorkerProps, new Properties());
    }

    static SourceCluster start(int workers, Map<String, String> extraWorkerProps, Properties brokerProps) {
        StoreEmulator emulator = StoreEmulator.start();
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("plugin.discovery", "service_load");
        workerProps.put("offset.flush.interval.ms", "500");
        // Reassign a stopped worker's tasks within seconds instead of Connect's default five minutes.
        workerProps.put("scheduled.rebalance.max.delay.ms", "2000");
        workerProps.putAll(extraWorkerProps);
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder().name("shardbridge-source-it")
                .numWorkers(workers).numBrokers(1).workerProps(workerProps).brokerProps(brokerProps).build();
        connect.start();
        return new SourceCluster(emulator, connect);
    }

    EmbeddedConnectCluster connect() {
        return connect;
    }

    StoreEmulator emulator() {
        return emulator;
    }

    DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** A table keyed by {@code id} with {@code partitions} partitions (open shards) and a NEW_AND_OLD_IMAGES stream. */
    void createTable(String table, int partitions) {
        emulator.admin().setPartitions(table, partitions);
        KeyedTable.create(dynamoDb, table);
    }

    /** Source connector settings for {@code table} on the emulator, fast enough for tests. */
    Map<String, String> sourceConfig(String table, int maxTasks) {
        return connectSettings(SourceConnectorSettings.forTable(emulator.endpoint(), table, maxTasks));
    }

    /** {@code connector} plus what a connector on this Connect cluster needs: topic creation and JSON converters. */
    static Map<String, String> connectSettings(Map<String, String> connector) {
        Map<String, String> config = new HashMap<>(connector);
        // Connect creates the change and marker topics itself (KIP-158); the test broker has one replica.
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "3");
        config.put("key.converter", JsonConverter.class.getName());
        config.put("value.converter", JsonConverter.class.getName());
        return config;
    }

    @Override
    public void close() {
        connect.stop();
        dynamoDb.close();
        emulator.close();
    }
}
