package dev.shardbridge.source;

import dev.shardbridge.source.assign.TaskShardsConfig;
import dev.shardbridge.source.offset.InMemoryOffsets;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnectorContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connector's own contract with Connect, without a cluster. */
class DynamoDbStreamsSourceConnectorTest {

    @RegisterExtension
    static final EmulatorWithClients emulator = new EmulatorWithClients();

    private final AtomicInteger reconfigurations = new AtomicInteger();

    @Test
    void givesEachShardItsOwnTaskWhileTasksMaxAllowsAndKeepsThemInPlace() {
        TestTables.create(emulator.dynamoDb(), emulator.admin(), "assigned", 3, StreamViewType.NEW_IMAGE);
        DynamoDbStreamsSourceConnector connector = started("assigned");
        try {
            List<Map<String, String>> eight = connector.taskConfigs(8);
            assertThat(eight).hasSize(3);
            assertThat(eight).allSatisfy(config -> assertThat(TaskShardsConfig.decode(config)).hasSize(1));
            assertThat(connector.taskConfigs(8)).as("deterministic").isEqualTo(eight);
            assertThat(eight.get(0)).containsEntry("tables", "assigned");

            List<Map<String, String>> two = connector.taskConfigs(2);
            assertThat(two).hasSize(2);
            assertThat(two.stream().mapToInt(config -> TaskShardsConfig.decode(config).size()).sum()).isEqualTo(3);
        } finally {
            connector.stop();
        }
    }

    @Test
    void supportsExactlyOnceDelivery() {
        assertThat(new DynamoDbStreamsSourceConnector().exactlyOnceSupport(Map.of()))
                .isEqualTo(ExactlyOnceSupport.SUPPORTED);
    }

    @Test
    void acceptsValidOffsetsAndResetsFromTheRestApi() {
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(Map.of("table", "orders", "shard", "shardId-1"), Map.of("sequence_number", "123", "drained", false));
        offsets.put(Map.of("table", "orders", "shard", "shardId-2"), null);
        assertThat(new DynamoDbStreamsSourceConnector().alterOffsets(Map.of(), offsets)).isTrue();
    }

    @Test
    void acceptsSnapshotProgressAndEpochOffsetsAndRefusesBrokenOnes() {
        DynamoDbStreamsSourceConnector connector = new DynamoDbStreamsSourceConnector();
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(Map.of("table", "orders", "snapshot_segment", 2),
                Map.of("epoch", 1, "segments", 4, "last_key", "{\"id\":{\"S\":\"a\"}}", "done", false));
        offsets.put(Map.of("table", "orders", "snapshot", "epoch"), Map.of("epoch", 2));
        offsets.put(Map.of("table", "orders", "snapshot_segment", 3), null);
        assertThat(connector.alterOffsets(Map.of(), offsets)).isTrue();

        assertThatThrownBy(() -> connector.alterOffsets(Map.of(), Map.of(
                Map.of("table", "orders", "snapshot_segment", 4), Map.of("epoch", 1, "segments", 4))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("more than the segment number 4");
    }

    @Test
    void refusesOffsetsThatWouldBreakResumingWithAMessageNamingTheField() {
        DynamoDbStreamsSourceConnector connector = new DynamoDbStreamsSourceConnector();
        assertThatThrownBy(() -> connector.alterOffsets(Map.of(), Map.of(
                Map.of("table", "orders", "shard", "shardId-1"), Map.of("sequence_number", "12a"))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("'sequence_number' of orders/shardId-1 must be 1-40 decimal digits");
        assertThatThrownBy(() -> connector.alterOffsets(Map.of(), Map.of(
                Map.of("table", "orders"), Map.of("sequence_number", "12"))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("'shard'");
    }

    private DynamoDbStreamsSourceConnector started(String table) {
        DynamoDbStreamsSourceConnector connector = new DynamoDbStreamsSourceConnector();
        connector.initialize(new FakeContext(new InMemoryOffsets(), reconfigurations));
        connector.start(Map.of("tables", table, "aws.region", "us-east-1",
                "aws.endpoint.override", emulator.endpoint().toString(), "aws.credentials.provider", "static",
                "aws.access.key.id", "local", "aws.secret.access.key", "local"));
        return connector;
    }

    private record FakeContext(OffsetStorageReader offsetStorageReader, AtomicInteger reconfigurations)
            implements SourceConnectorContext {
        @Override
        public void requestTaskReconfiguration() {
            reconfigurations.incrementAndGet();
        }

        @Override
        public void raiseError(Exception e) {
            throw new AssertionError(e);
        }

        @Override
        public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
            return null;
        }
    }
}
