package dev.shardbridge.source.assign;

import dev.shardbridge.source.assign.DiscoveredShard.ShardKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which task reads which shards. A pure function of the discovered shards, {@code tasks.max} and the previous
 * assignment, so {@code taskConfigs} can call it without I/O and tests can check it without a cluster.
 *
 * <p>Rules: {@code min(tasks.max, shards)} tasks; loads differ by at most one (so one shard per task while
 * {@code tasks.max} allows); a shard that is still listed stays on its previous task unless that task must
 * shed load; the result does not depend on the order shards are listed in.
 */
public final class ShardAssignment {

    public static final ShardAssignment EMPTY = new ShardAssignment(List.of());

    private final List<List<DiscoveredShard>> tasks;

    private ShardAssignment(List<List<DiscoveredShard>> tasks) {
        this.tasks = tasks.stream().map(List::copyOf).toList();
    }

    public static ShardAssignment of(List<List<DiscoveredShard>> tasks) {
        return new ShardAssignment(tasks);
    }

    public static ShardAssignment assign(Collection<DiscoveredShard> discovered, int maxTasks,
                                         ShardAssignment previous) {
        if (maxTasks < 1) {
            throw new IllegalArgumentException("tasks.max must be at least 1, got " + maxTasks);
        }
        Map<ShardKey, DiscoveredShard> shards = canonical(discovered);
        int taskCount = Math.min(maxTasks, shards.size());
        if (taskCount == 0) {
            return EMPTY;
        }
        int floor = shards.size() / taskCount;
        int tasksAllowedAboveFloor = shards.size() % taskCount;
        List<List<DiscoveredShard>> loads = new ArrayList<>();
        Set<ShardKey> placed = new HashSet<>();
        for (int task = 0; task < taskCount; task++) {
            List<DiscoveredShard> kept = stillListed(previous.shardsOf(task), shards, placed);
            int capacity = floor;
            if (kept.size() > floor && tasksAllowedAboveFloor > 0) {
                capacity++;
                tasksAllowedAboveFloor--;
            }
            kept = new ArrayList<>(kept.subList(0, Math.min(capacity, kept.size())));
            kept.forEach(shard -> placed.add(shard.key()));
            loads.add(kept);
        }
        // Counting guarantees the least-loaded task has room: every task holds at most floor + 1 and only
        // tasksAllowedAboveFloor of them do, so the unplaced shards fit exactly.
        for (DiscoveredShard shard : shards.values()) {
            if (!placed.contains(shard.key())) {
                leastLoaded(loads).add(shard);
            }
        }
        loads.forEach(load -> load.sort(DiscoveredShard.ORDER));
        return new ShardAssignment(loads);
    }

    public int taskCount() {
        return tasks.size();
    }

    /** The shards of {@code task}; empty for a task index this assignment does not have. */
    public List<DiscoveredShard> shardsOf(int task) {
        return task < tasks.size() ? tasks.get(task) : List.of();
    }

    public List<List<DiscoveredShard>> tasks() {
        return tasks;
    }

    /** One config per task: the connector's own settings plus that task's shards. */
    public List<Map<String, String>> toTaskConfigs(Map<String, String> connectorConfig) {
        return tasks.stream().map(shards -> {
            Map<String, String> config = new LinkedHashMap<>(connectorConfig);
            config.putAll(TaskShardsConfig.encode(shards));
            return Map.copyOf(config);
        }).toList();
    }

    /** Rebuilds an assignment from task configs, e.g. those a connector handed out before a restart. */
    public static ShardAssignment fromTaskConfigs(List<Map<String, String>> taskConfigs) {
        return new ShardAssignment(taskConfigs.stream().map(TaskShardsConfig::decode).toList());
    }

    /** Sorted and de-duplicated; a shard listed twice keeps the union of its parents. */
    private static Map<ShardKey, DiscoveredShard> canonical(Collection<DiscoveredShard> discovered) {
        Map<ShardKey, DiscoveredShard> byKey = new LinkedHashMap<>();
        discovered.stream().sorted(DiscoveredShard.ORDER).forEach(shard -> byKey.merge(shard.key(), shard,
                (a, b) -> new DiscoveredShard(a.table(), a.shardId(), union(a.parentShardIds(), b.parentShardIds()))));
        return byKey;
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The previous shards of a task that are still listed, in their current form (lineage may have been repaired). */
    private static List<DiscoveredShard> stillListed(List<DiscoveredShard> previous,
                                                     Map<ShardKey, DiscoveredShard> shards, Set<ShardKey> placed) {
        return previous.stream()
                .map(shard -> shards.get(shard.key()))
                .filter(shard -> shard != null && !placed.contains(shard.key()))
                .distinct()
                .sorted(DiscoveredShard.ORDER)
                .toList();
    }

    private static List<DiscoveredShard> leastLoaded(List<List<DiscoveredShard>> loads) {
        List<DiscoveredShard> least = loads.get(0);
        for (List<DiscoveredShard> load : loads) {
            if (load.size() < least.size()) {
                least = load;
            }
        }
        return least;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShardAssignment assignment && tasks.equals(assignment.tasks);
    }

    @Override
    public int hashCode() {
        return tasks.hashCode();
    }

    @Override
    public String toString() {
        return "ShardAssignment" + tasks;
    }
}
