package dev.shardbridge.source.cluster;

import dev.shardbridge.emulator.StoreEmulator;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The pieces every source cluster test needs: a store (the in-process emulator unless the test brings its own),
 * a Kafka + Connect cluster that finds the connector through its service manifest, and the connector config
 * pointing one at the other.
 */
public final class SourceCluster implements AutoCloseable {

    /** Null when the test brings its own store (and closes it). */
    private final StoreEmulator emulator;
    private final URI storeEndpoint;
    private final EmbeddedConnectCluster connect;
    private final DynamoDbClient dynamoDb;

    private SourceCluster(StoreEmulator emulator, URI storeEndpoint, EmbeddedConnectCluster connect) {
        this.emulator = emulator;
        this.storeEndpoint = storeEndpoint;
        this.connect = connect;
        this.dynamoDb = KeyedTable.client(storeEndpoint);
    }

    public static SourceCluster start(int workers, Map<String, String> extraWorkerProps) {
        return start(workers, extraWorkerProps, new Properties());
    }

    public static SourceCluster start(int workers, Map<String, String> extraWorkerProps, Properties brokerProps) {
        StoreEmulator emulator = StoreEmulator.start();
        return new SourceCluster(emulator, emulator.endpoint(), startConnect(workers, extraWorkerProps, brokerProps));
    }

    /** A cluster whose connectors read the store at {@code storeEndpoint}, which the caller runs and closes. */
    static SourceCluster startFor(URI storeEndpoint, int workers, Map<String, String> extraWorkerProps) {
        return new SourceCluster(null, storeEndpoint, startConnect(workers, extraWorkerProps, new Properties()));
    }

    private static EmbeddedConnectCluster startConnect(int workers, Map<String, String> extraWorkerProps,
                                                       Properties brokerProps) {
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("plugin.discovery", "service_load");
        workerProps.put("offset.flush.interval.ms", "500");
        // Reassign a stopped worker's tasks within seconds instead of Connect's default five minutes.
        workerProps.put("scheduled.rebalance.max.delay.ms", "2000");
        workerProps.putAll(extraWorkerProps);
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder().name("shardbridge-source-it")
                .numWorkers(workers).numBrokers(1).workerProps(workerProps).brokerProps(brokerProps).build();
        connect.start();
        return connect;
    }

    public EmbeddedConnectCluster connect() {
        return connect;
    }

    public StoreEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("This cluster reads a store the test brought, not the emulator");
        }
        return emulator;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** A table keyed by {@code id} with {@code partitions} partitions (open shards) and a NEW_AND_OLD_IMAGES stream. */
    public void createTable(String table, int partitions) {
        emulator().admin().setPartitions(table, partitions);
        KeyedTable.create(dynamoDb, table);
    }

    /** Source connector settings for {@code table} on this cluster's store, fast enough for tests. */
    public Map<String, String> sourceConfig(String table, int maxTasks) {
        return connectSettings(SourceConnectorSettings.forTable(storeEndpoint, table, maxTasks));
    }

    /** {@code connector} plus what a connector on this Connect cluster needs: topic creation and JSON converters. */
    private static Map<String, String> connectSettings(Map<String, String> connector) {
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
        if (emulator != null) {
            emulator.close();
        }
    }
}
