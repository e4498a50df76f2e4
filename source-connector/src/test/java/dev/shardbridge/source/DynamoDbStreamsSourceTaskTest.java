package dev.shardbridge.source;

import dev.shardbridge.source.assign.DiscoveredShard;
import dev.shardbridge.source.assign.TaskShardsConfig;
import dev.shardbridge.source.discovery.ShardDiscovery;
import dev.shardbridge.source.offset.InMemoryOffsets;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The task as Connect drives it: start with a task config, poll, stop. */
class DynamoDbStreamsSourceTaskTest {

    @RegisterExtension
    static final EmulatorWithClients emulator = new EmulatorWithClients();

    @Test
    void readsItsShardsAndLeavesOutATableDeletedSinceDiscovery() throws Exception {
        TestTables.create(emulator.dynamoDb(), emulator.admin(), "kept", 1, StreamViewType.NEW_IMAGE);
        TestTables.create(emulator.dynamoDb(), emulator.admin(), "dropped", 1, StreamViewType.NEW_IMAGE);
        TestTables.put(emulator.dynamoDb(), "kept", "k", 3);
        ShardDiscovery discovery = new ShardDiscovery(emulator.dynamoDb(), emulator.streams());
        List<DiscoveredShard> shards = new ArrayList<>(discovery.discover("kept"));
        shards.addAll(discovery.discover("dropped"));
        emulator.dynamoDb().deleteTable(request -> request.tableName("dropped"));

        Map<String, String> config = new HashMap<>(Map.of("tables", "kept,dropped", "aws.region", "us-east-1",
                "aws.endpoint.override", emulator.endpoint().toString(), "aws.credentials.provider", "static",
                "aws.access.key.id", "local", "aws.secret.access.key", "local"));
        config.putAll(TaskShardsConfig.encode(shards));
        DynamoDbStreamsSourceTask task = new DynamoDbStreamsSourceTask();
        task.initialize(new FakeContext(config, new InMemoryOffsets()));
        task.start(config);
        try {
            List<SourceRecord> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(10);
            while (records.size() < 3 && Instant.now().isBefore(deadline)) {
                List<SourceRecord> page = task.poll();
                if (page != null) {
                    records.addAll(page);
                }
            }
            assertThat(records).hasSize(3).allSatisfy(record -> assertThat(record.topic()).isEqualTo("kept"));
        } finally {
            task.stop();
        }
        assertThat(task.poll()).as("a stopped task returns at once").isNull();
    }

    private record FakeContext(Map<String, String> configs, OffsetStorageReader offsetStorageReader)
            implements SourceTaskContext {
        @Override
        public PluginMetrics pluginMetrics() {
            return null;
        }
    }
}
