package dev.shardbridge.source;

import dev.shardbridge.event.ChangeEventFactory;
import dev.shardbridge.event.ProjectVersion;
import dev.shardbridge.source.assign.DiscoveredShard;
import dev.shardbridge.source.assign.TaskShardsConfig;
import dev.shardbridge.common.aws.AwsClients;
import dev.shardbridge.source.config.DynamoDbStreamsSourceConfig;
import dev.shardbridge.source.config.SnapshotMode;
import dev.shardbridge.source.emit.ChangeRecords;
import dev.shardbridge.source.snapshot.TaskSnapshots;
import dev.shardbridge.source.snapshot.TaskSnapshotsSetup;
import dev.shardbridge.source.metrics.SourceTaskMetrics;
import dev.shardbridge.source.offset.ShardOffsets;
import dev.shardbridge.source.read.TableStream;
import dev.shardbridge.source.read.TaskReadLoop;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the stream shards the connector assigned to this task and emits their changes. The shards and their
 * lineage arrive in the task config; positions come from Connect's offsets only.
 */
public class DynamoDbStreamsSourceTask extends SourceTask {

    /** The {@code source.connector} value of every event this connector produces. */
    public static final String CONNECTOR_NAME = "dynamodb";

    private static final Logger log = LoggerFactory.getLogger(DynamoDbStreamsSourceTask.class);

    private AwsClients clients;
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient streams;
    private SourceTaskMetrics metrics;
    private volatile TaskReadLoop loop;
    private volatile TaskSnapshots snapshots;

    @Override
    public String version() {
        return ProjectVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        DynamoDbStreamsSourceConfig config = new DynamoDbStreamsSourceConfig(props);
        List<DiscoveredShard> shards = TaskShardsConfig.decode(props);
        clients = new AwsClients(config.awsAccess());
        dynamoDb = clients.dynamoDb();
        streams = clients.streams();
        metrics = SourceTaskMetrics.create(context, Clock.systemUTC());
        Map<String, TableStream> tables = describeTables(shards);
        ChangeRecords changeRecords = new ChangeRecords(
                new ChangeEventFactory(CONNECTOR_NAME, version(), Clock.systemUTC()),
                config.topicPrefix(), config.tombstonesOnDelete(), config.shardMarkersTopic());
        TaskReadLoop.Settings settings = new TaskReadLoop.Settings(config.startPosition(), config.pollMaxRecords(),
                config.idleBackoff(), config.trimmedDataPolicy(),
                config.snapshotsEnabled() && config.snapshotMode() == SnapshotMode.WHEN_NEEDED);
        snapshots = TaskSnapshotsSetup.create(config, context.offsetStorageReader(), dynamoDb, metrics,
                new ChangeEventFactory(CONNECTOR_NAME, version(), Clock.systemUTC()),
                TaskShardsConfig.decodeSnapshotTables(props), TaskShardsConfig.decodeScanSegments(props),
                tables.keySet());
        loop = TaskReadLoop.create(streams, tables, shards, new ShardOffsets(context.offsetStorageReader()),
                changeRecords, metrics, settings, snapshots);
        log.info("Source task started with {} shard(s): {}", shards.size(),
                shards.stream().map(shard -> shard.table() + "/" + shard.shardId()).toList());
    }

    /**
     * The tables of {@code shards}. One deleted since discovery, or whose stream was disabled, is left out with a
     * warning rather than failing the task: its shards are gone, and discovery reassigns what is left.
     */
    private Map<String, TableStream> describeTables(List<DiscoveredShard> shards) {
        Map<String, TableStream> tables = new LinkedHashMap<>();
        for (String table : shards.stream().map(DiscoveredShard::table).distinct().toList()) {
            try {
                tables.put(table, TableStream.describe(dynamoDb, table));
            } catch (ResourceNotFoundException | ConnectException e) {
                log.warn("Not reading the shards of table {}: {}", table, e.getMessage());
            }
        }
        return tables;
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        return loop.poll();
    }

    /**
     * Called from another thread while {@link #poll()} may be blocked: the loop is told to return, then the
     * clients are closed; a call in flight fails, and the loop ignores failures once it is stopping.
     */
    @Override
    public void stop() {
        TaskReadLoop current = loop;
        if (current != null) {
            current.stop();
        }
        TaskSnapshots running = snapshots;
        if (running != null) {
            running.close();
        }
        closeQuietly(streams);
        closeQuietly(dynamoDb);
        closeQuietly(clients);
        if (metrics != null) {
            metrics.close();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("Ignoring failure to close {}", closeable, e);
        }
    }
}
