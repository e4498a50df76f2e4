package dev.shardbridge.source.assign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How a task's shards travel in its config: Connect task configs are flat string maps, so each shard gets
 * indexed keys rather than one delimited string that a table name could break.
 */
public final class TaskShardsConfig {

    public static final String COUNT_KEY = "task.shards.count";
    /** The tables this task snapshots, comma-separated (DynamoDB table names cannot contain commas). */
    public static final String SNAPSHOT_TABLES_KEY = "task.snapshot.tables";
    /** Scan segments this task runs of tables only scanned, as table:segment, comma-separated; none otherwise. */
    public static final String SCAN_SEGMENTS_KEY = "task.snapshot.segments";
    private static final String PREFIX = "task.shard.";

    private TaskShardsConfig() {
    }

    public static Map<String, String> encode(List<DiscoveredShard> shards) {
        return encode(shards, Set.of());
    }

    public static Map<String, String> encode(List<DiscoveredShard> shards, Set<String> snapshotTables) {
        return encode(shards, snapshotTables, Set.of());
    }

    public static Map<String, String> encode(List<DiscoveredShard> shards, Set<String> snapshotTables,
                                             Set<ScanSegment> scanSegments) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(COUNT_KEY, Integer.toString(shards.size()));
        config.put(SNAPSHOT_TABLES_KEY, String.join(",", new TreeSet<>(snapshotTables)));
        config.put(SCAN_SEGMENTS_KEY, new TreeSet<>(scanSegments).stream().map(ScanSegment::toString)
                .collect(Collectors.joining(",")));
        for (int i = 0; i < shards.size(); i++) {
            DiscoveredShard shard = shards.get(i);
            config.put(PREFIX + i + ".table", shard.table());
            config.put(PREFIX + i + ".id", shard.shardId());
            config.put(PREFIX + i + ".parents", String.join(",", shard.parentShardIds()));
            config.put(PREFIX + i + ".trimmed_parents", String.join(",", shard.trimmedParentShardIds()));
        }
        return config;
    }

    public static List<DiscoveredShard> decode(Map<String, String> config) {
        String count = config.get(COUNT_KEY);
        if (count == null) {
            throw new IllegalArgumentException("Task config has no " + COUNT_KEY + "; it was not made by ShardAssignment");
        }
        List<DiscoveredShard> shards = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(count); i++) {
            List<String> parents = ids(required(config, PREFIX + i + ".parents"));
            shards.add(new DiscoveredShard(required(config, PREFIX + i + ".table"), required(config, PREFIX + i + ".id"),
                    parents,
                    ids(config.getOrDefault(PREFIX + i + ".trimmed_parents", ""))));
        }
        return List.copyOf(shards);
    }

    /** The tables the task snapshots; none when the config predates snapshots. */
    public static SortedSet<String> decodeSnapshotTables(Map<String, String> config) {
        String tables = config.getOrDefault(SNAPSHOT_TABLES_KEY, "");
        return Arrays.stream(tables.split(",")).map(String::trim).filter(table -> !table.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The scan segments the task runs of tables only scanned; none when the config has none. */
    public static SortedSet<ScanSegment> decodeScanSegments(Map<String, String> config) {
        return Arrays.stream(config.getOrDefault(SCAN_SEGMENTS_KEY, "").split(",")).map(String::trim)
                .filter(text -> !text.isEmpty()).map(ScanSegment::parse)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> ids(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : Arrays.asList(commaSeparated.split(","));
    }

    private static String required(Map<String, String> config, String key) {
        String value = config.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Task config lacks " + key);
        }
        return value;
    }
}
