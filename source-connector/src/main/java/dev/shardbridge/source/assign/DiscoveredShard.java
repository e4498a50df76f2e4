package dev.shardbridge.source.assign;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A shard as discovery reports it: its table, its id and the ids of its parents in the same stream.
 * A shard is read only after all its parents are drained; DynamoDB gives at most one parent, but a
 * repaired listing may know more, so this carries a list. A parent the stream no longer lists (trimmed away)
 * cannot hold the child back; it is kept apart, so the task can tell whether it was left unfinished, which
 * means changes were lost to trimming.
 */
public record DiscoveredShard(String table, String shardId, List<String> parentShardIds,
                              List<String> trimmedParentShardIds) {

    /** The canonical order; assignment sorts by it so that input order never matters. */
    static final Comparator<DiscoveredShard> ORDER =
            Comparator.comparing(DiscoveredShard::table).thenComparing(DiscoveredShard::shardId);

    public DiscoveredShard(String table, String shardId, List<String> parentShardIds) {
        this(table, shardId, parentShardIds, List.of());
    }

    public DiscoveredShard {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(shardId, "shardId");
        parentShardIds = parentShardIds.stream().filter(Objects::nonNull).distinct().sorted().toList();
        trimmedParentShardIds = trimmedParentShardIds.stream().filter(Objects::nonNull).distinct().sorted().toList();
        // Task configs list parent ids comma-separated; AWS ids never contain commas, so refuse any that do.
        if (table.isEmpty() || shardId.isEmpty() || table.contains(",") || shardId.contains(",")
                || parentShardIds.stream().anyMatch(parent -> parent.isEmpty() || parent.contains(","))
                || trimmedParentShardIds.stream().anyMatch(parent -> parent.isEmpty() || parent.contains(","))) {
            throw new IllegalArgumentException("Table, shard id and parent ids must be non-empty and free of commas: "
                    + table + "/" + shardId + " " + parentShardIds);
        }
    }

    public static DiscoveredShard root(String table, String shardId) {
        return new DiscoveredShard(table, shardId, List.of());
    }

    public static DiscoveredShard child(String table, String shardId, String parentShardId) {
        return new DiscoveredShard(table, shardId, List.of(parentShardId));
    }

    /** Identity of the shard, without its lineage. */
    ShardKey key() {
        return new ShardKey(table, shardId);
    }

    record ShardKey(String table, String shardId) {
    }
}
