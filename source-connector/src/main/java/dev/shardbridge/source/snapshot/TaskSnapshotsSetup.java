package dev.shardbridge.source.snapshot;

import dev.shardbridge.event.ChangeEventFactory;
import dev.shardbridge.source.assign.ScanSegment;
import dev.shardbridge.source.config.DynamoDbStreamsSourceConfig;
import dev.shardbridge.source.emit.SnapshotRecords;
import dev.shardbridge.source.metrics.SourceTaskMetrics;
import dev.shardbridge.source.offset.SnapshotOffsets;
import dev.shardbridge.source.offset.TableSnapshot;
import dev.shardbridge.source.read.TableStream;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds the snapshots a source task runs from its config and the committed snapshot offsets: one per table the
 * connector gave it to snapshot whose snapshot is not finished yet, with the segments it should run.
 */
public final class TaskSnapshotsSetup {

    private static final Logger log = LoggerFactory.getLogger(TaskSnapshotsSetup.class);

    private TaskSnapshotsSetup() {
    }

    /**
     * @param snapshotTables tables whose scan and shards this task runs together
     * @param scanSegments   segments of scan-only tables this task runs
     * @param streamedTables tables whose shards this task reads (described successfully)
     */
    public static TaskSnapshots create(DynamoDbStreamsSourceConfig config, OffsetStorageReader offsetReader,
                                       DynamoDbClient dynamoDb, SourceTaskMetrics metrics, ChangeEventFactory events,
                                       Set<String> snapshotTables, Set<ScanSegment> scanSegments,
                                       Set<String> streamedTables) {
        if (!config.snapshotsEnabled()) {
            return TaskSnapshots.none();
        }
        SnapshotOffsets offsets = new SnapshotOffsets(offsetReader);
        SnapshotRecords records = new SnapshotRecords(events, config.topicPrefix(), config.shardMarkersTopic());
        TableSnapshotter.Settings settings = new TableSnapshotter.Settings(config.snapshotPageItems(),
                config.snapshotMaxItemsPerSecond(), config.snapshotWatermarkDelay(), config.streamRetention(),
                config.idleBackoff());
        Map<String, TableDescription> described = new HashMap<>();
        TaskSnapshots snapshots = new TaskSnapshots(offsets, records, config.snapshotSegments(), (state, segments) -> {
            TableDescription table = described.computeIfAbsent(state.table(),
                    name -> dynamoDb.describeTable(request -> request.tableName(name)).table());
            return new TableSnapshotter(state, segments, TableStream.keyOf(table),
                    table.itemCount() == null ? 0 : table.itemCount(), settings, dynamoDb, records, metrics,
                    config.streamsRead());
        });
        Set<String> tables = new TreeSet<>(snapshotTables);
        scanSegments.forEach(segment -> tables.add(segment.table()));
        for (String table : tables) {
            // A table whose shards could not be described (deleted since discovery) is left out, as its shards are.
            if (config.streamsRead() && !streamedTables.contains(table)) {
                continue;
            }
            TableSnapshot state = offsets.read(table, config.snapshotSegments());
            if (state.complete()) {
                continue;
            }
            Set<Integer> segments = scanSegments.stream().filter(segment -> segment.table().equals(table))
                    .map(ScanSegment::segment).collect(Collectors.toSet());
            try {
                snapshots.add(state, segments);
            } catch (ResourceNotFoundException e) {
                log.warn("Not snapshotting table {}: {}", table, e.getMessage());
            }
        }
        return snapshots;
    }
}
