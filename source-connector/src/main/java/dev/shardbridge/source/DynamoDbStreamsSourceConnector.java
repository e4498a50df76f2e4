package dev.shardbridge.source;

import dev.shardbridge.event.ProjectVersion;
import dev.shardbridge.source.assign.ShardAssignment;
import dev.shardbridge.common.aws.AwsClients;
import dev.shardbridge.source.config.DynamoDbStreamsSourceConfig;
import dev.shardbridge.source.discovery.ShardDiscovery;
import dev.shardbridge.source.discovery.ShardMonitor;
import dev.shardbridge.source.discovery.TableResolver;
import dev.shardbridge.source.offset.ShardOffset;
import dev.shardbridge.source.offset.ShardOffsets;
import dev.shardbridge.source.offset.ShardPartition;
import dev.shardbridge.source.offset.SegmentPartition;
import dev.shardbridge.source.offset.SegmentProgress;
import dev.shardbridge.source.offset.SnapshotEpoch;
import dev.shardbridge.source.offset.SnapshotOffsets;
import dev.shardbridge.source.snapshot.UnfinishedSnapshots;
import dev.shardbridge.source.validate.SourceConnectorValidation;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.List;
import java.util.Map;

/**
 * Streams the changes of DynamoDB tables into Kafka, one task per stream shard while {@code tasks.max} allows.
 * The connector owns discovery (a background {@link ShardMonitor}); {@link #taskConfigs} only divides the last
 * discovered shards, deterministically and without I/O.
 */
public class DynamoDbStreamsSourceConnector extends SourceConnector {

    private Map<String, String> props;
    private AwsClients clients;
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient streams;
    private ShardMonitor monitor;
    /**
     * The last assignment handed out, so a reconfiguration moves as few shards as it can. Connect does not give a
     * restarted connector its tasks' configs (it never calls the two-argument {@code initialize}), so after a
     * restart the first assignment is the canonical one; positions live in offsets, so only placement changes.
     */
    private ShardAssignment previous = ShardAssignment.EMPTY;

    @Override
    public String version() {
        return ProjectVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        DynamoDbStreamsSourceConfig config = new DynamoDbStreamsSourceConfig(props);
        clients = new AwsClients(config.awsAccess());
        dynamoDb = clients.dynamoDb();
        streams = clients.streams();
        UnfinishedSnapshots snapshots = config.snapshotsEnabled()
                ? new UnfinishedSnapshots(new SnapshotOffsets(context().offsetStorageReader()), config.snapshotSegments())
                : UnfinishedSnapshots.disabled();
        monitor = new ShardMonitor(new TableResolver(dynamoDb, config.tables(), config.tablesRegex()),
                new ShardDiscovery(dynamoDb, streams), new ShardOffsets(context().offsetStorageReader()),
                snapshots, config.streamsRead(), context::requestTaskReconfiguration);
        monitor.start(config.shardDiscoveryInterval());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return DynamoDbStreamsSourceTask.class;
    }

    @Override
    public synchronized List<Map<String, String>> taskConfigs(int maxTasks) {
        ShardAssignment assignment = ShardAssignment.assign(monitor.shards(), monitor.snapshotTables(),
                monitor.scanSegments(), maxTasks, previous);
        previous = assignment;
        return assignment.toTaskConfigs(props);
    }

    @Override
    public void stop() {
        if (monitor != null) {
            monitor.close();
        }
        if (streams != null) {
            streams.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (clients != null) {
            clients.close();
        }
    }

    @Override
    public ConfigDef config() {
        return DynamoDbStreamsSourceConfig.configDef();
    }

    /** ConfigDef checks first, then what only the store can answer (tables, streams, endpoint, credentials). */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return SourceConnectorValidation.validate(super.validate(connectorConfigs), connectorConfigs);
    }

    /**
     * Offsets are exact stream positions and a task emits each record with the offset just after it, so a
     * transaction per poll batch (Connect's default boundary) commits records and offsets together.
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /**
     * Checks offsets given through Connect's REST API before Connect stores them: every partition must name a
     * table and shard, every offset a valid sequence number or drained marker; null resets a shard.
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        offsets.forEach((partitionMap, offsetMap) -> {
            if (SegmentPartition.matches(partitionMap)) {
                SegmentPartition partition = SegmentPartition.fromMap(partitionMap);
                if (offsetMap != null) {
                    SegmentProgress.fromMap(partition, offsetMap);
                }
            } else if (SnapshotEpoch.matches(partitionMap)) {
                if (offsetMap != null) {
                    SnapshotEpoch.fromMaps(partitionMap, offsetMap);
                }
            } else {
                ShardPartition partition = ShardPartition.fromMap(partitionMap);
                if (offsetMap != null) {
                    ShardOffset.fromMap(partition, offsetMap);
                }
            }
        });
        return true;
    }
}
