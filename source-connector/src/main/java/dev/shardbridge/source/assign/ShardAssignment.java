package dev.shardbridge.source.assign;

import dev.shardbridge.source.assign.DiscoveredShard.ShardKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which task reads which shards, and which task snapshots which table. A pure function of the discovered
 * shards, the tables being snapshotted, {@code tasks.max} and the previous assignment, so {@code taskConfigs}
 * can call it without I/O and tests can check it without a cluster.
 *
 * <p>The unit of placement is a shard, except for a table being snapshotted: its scan and all its shards form
 * one unit on one task, because a scanned row can only be ordered against the changes of its key by the task
 * that reads both (see docs/architecture.md, "Snapshot"). Rules: {@code min(tasks.max, units)} tasks; unit
 * counts differ by at most one; a unit that is still listed stays on its previous task unless that task must
 * shed load; the result does not depend on the order shards are listed in.
 */
public final class ShardAssignment {

    public static final ShardAssignment EMPTY = new ShardAssignment(List.of(), List.of(), List.of());

    private final List<List<DiscoveredShard>> tasks;
    private final List<SortedSet<String>> snapshotTables;
    private final List<SortedSet<ScanSegment>> scanSegments;

    private ShardAssignment(List<List<DiscoveredShard>> tasks, List<? extends Set<String>> snapshotTables,
                            List<? extends Set<ScanSegment>> scanSegments) {
        this.tasks = tasks.stream().map(List::copyOf).toList();
        this.snapshotTables = snapshotTables.stream().map(tables -> (SortedSet<String>) new TreeSet<>(tables)).toList();
        this.scanSegments = scanSegments.stream().map(segments -> (SortedSet<ScanSegment>) new TreeSet<>(segments))
                .toList();
    }

    /** An assignment of shards only, without snapshots. */
    public static ShardAssignment of(List<List<DiscoveredShard>> tasks) {
        return new ShardAssignment(tasks, tasks.stream().map(shards -> Set.<String>of()).toList(),
                tasks.stream().map(shards -> Set.<ScanSegment>of()).toList());
    }

    public static ShardAssignment assign(Collection<DiscoveredShard> discovered, int maxTasks,
                                         ShardAssignment previous) {
        return assign(discovered, Set.of(), maxTasks, previous);
    }

    /**
     * @param snapshotTables tables whose snapshot is not finished; each becomes one unit with all its shards
     *                       (a table without listed shards, as under {@code snapshot.mode=initial_only}, too)
     */
    public static ShardAssignment assign(Collection<DiscoveredShard> discovered, Set<String> snapshotTables,
                                         int maxTasks, ShardAssignment previous) {
        return assign(discovered, snapshotTables, Map.of(), maxTasks, previous);
    }

    /**
     * @param scanSegments for tables only scanned (snapshot.mode=initial_only), their unfinished segments: each is
     *                     a unit of its own, so one table's scan spreads over the tasks
     */
    public static ShardAssignment assign(Collection<DiscoveredShard> discovered, Set<String> snapshotTables,
                                         Map<String, List<Integer>> scanSegments, int maxTasks,
                                         ShardAssignment previous) {
        if (maxTasks < 1) {
            throw new IllegalArgumentException("tasks.max must be at least 1, got " + maxTasks);
        }
        List<Unit> units = units(canonical(discovered), snapshotTables, scanSegments);
        int taskCount = Math.min(maxTasks, units.size());
        if (taskCount == 0) {
            return EMPTY;
        }
        int floor = units.size() / taskCount;
        int tasksAllowedAboveFloor = units.size() % taskCount;
        Map<Integer, List<Unit>> byPreviousTask = new TreeMap<>();
        List<Unit> unplaced = new ArrayList<>();
        for (Unit unit : units) {
            int task = unit.previousTask(previous);
            if (task >= 0 && task < taskCount) {
                byPreviousTask.computeIfAbsent(task, t -> new ArrayList<>()).add(unit);
            } else {
                unplaced.add(unit);
            }
        }
        List<List<Unit>> loads = new ArrayList<>();
        for (int task = 0; task < taskCount; task++) {
            List<Unit> kept = byPreviousTask.getOrDefault(task, List.of());
            int capacity = floor;
            if (kept.size() > floor && tasksAllowedAboveFloor > 0) {
                capacity++;
                tasksAllowedAboveFloor--;
            }
            loads.add(new ArrayList<>(kept.subList(0, Math.min(capacity, kept.size()))));
            unplaced.addAll(kept.subList(Math.min(capacity, kept.size()), kept.size()));
        }
        // Counting guarantees the least-loaded task has room: every task holds at most floor + 1 units and only
        // tasksAllowedAboveFloor of them do, so the unplaced units fit exactly.
        unplaced.sort(Unit.ORDER);
        for (Unit unit : unplaced) {
            leastLoaded(loads).add(unit);
        }
        return new ShardAssignment(
                loads.stream().map(load -> load.stream().flatMap(unit -> unit.shards().stream())
                        .sorted(DiscoveredShard.ORDER).toList()).toList(),
                loads.stream().map(load -> load.stream().filter(unit -> unit.snapshot() && unit.segment() < 0)
                        .map(Unit::table)
                        .collect(Collectors.toCollection(TreeSet::new))).toList(),
                loads.stream().map(load -> load.stream().filter(unit -> unit.segment() >= 0)
                        .map(unit -> new ScanSegment(unit.table(), unit.segment()))
                        .collect(Collectors.toCollection(TreeSet::new))).toList());
    }

    public int taskCount() {
        return tasks.size();
    }

    /** The shards of {@code task}; empty for a task index this assignment does not have. */
    public List<DiscoveredShard> shardsOf(int task) {
        return task < tasks.size() ? tasks.get(task) : List.of();
    }

    /** The tables {@code task} snapshots; empty for a task index this assignment does not have. */
    public SortedSet<String> snapshotTablesOf(int task) {
        return task < snapshotTables.size() ? snapshotTables.get(task) : new TreeSet<>();
    }

    /** The scan segments {@code task} runs of tables only scanned; empty for a task index it does not have. */
    public SortedSet<ScanSegment> scanSegmentsOf(int task) {
        return task < scanSegments.size() ? scanSegments.get(task) : new TreeSet<>();
    }

    public List<List<DiscoveredShard>> tasks() {
        return tasks;
    }

    /** One config per task: the connector's own settings plus that task's shards and snapshot tables. */
    public List<Map<String, String>> toTaskConfigs(Map<String, String> connectorConfig) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int task = 0; task < tasks.size(); task++) {
            Map<String, String> config = new LinkedHashMap<>(connectorConfig);
            config.putAll(TaskShardsConfig.encode(tasks.get(task), snapshotTables.get(task), scanSegments.get(task)));
            configs.add(Map.copyOf(config));
        }
        return configs;
    }

    /** Rebuilds an assignment from task configs, e.g. those a connector handed out before a restart. */
    public static ShardAssignment fromTaskConfigs(List<Map<String, String>> taskConfigs) {
        return new ShardAssignment(taskConfigs.stream().map(TaskShardsConfig::decode).toList(),
                taskConfigs.stream().map(TaskShardsConfig::decodeSnapshotTables).toList(),
                taskConfigs.stream().map(TaskShardsConfig::decodeScanSegments).toList());
    }

    /** Sorted and de-duplicated; a shard listed twice keeps the union of its parents. */
    private static Map<ShardKey, DiscoveredShard> canonical(Collection<DiscoveredShard> discovered) {
        Map<ShardKey, DiscoveredShard> byKey = new LinkedHashMap<>();
        discovered.stream().sorted(DiscoveredShard.ORDER).forEach(shard -> byKey.merge(shard.key(), shard,
                (a, b) -> new DiscoveredShard(a.table(), a.shardId(), union(a.parentShardIds(), b.parentShardIds()),
                        union(a.trimmedParentShardIds(), b.trimmedParentShardIds()))));
        return byKey;
    }

    /**
     * One unit per shard of a table that is not snapshotted, one per snapshotted table, and one per scan segment
     * of a table only scanned; in canonical order.
     */
    private static List<Unit> units(Map<ShardKey, DiscoveredShard> shards, Set<String> snapshotTables,
                                    Map<String, List<Integer>> scanSegments) {
        Map<String, List<DiscoveredShard>> bundles = new TreeMap<>();
        snapshotTables.stream().filter(table -> !scanSegments.containsKey(table))
                .forEach(table -> bundles.put(table, new ArrayList<>()));
        List<Unit> units = new ArrayList<>();
        for (DiscoveredShard shard : shards.values()) {
            List<DiscoveredShard> bundle = bundles.get(shard.table());
            if (bundle != null) {
                bundle.add(shard);
            } else {
                units.add(new Unit(shard.table(), List.of(shard), false, -1));
            }
        }
        bundles.forEach((table, bundle) -> units.add(new Unit(table, bundle, true, -1)));
        scanSegments.forEach((table, segments) -> segments.forEach(segment ->
                units.add(new Unit(table, List.of(), true, segment))));
        units.sort(Unit.ORDER);
        return units;
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static List<Unit> leastLoaded(List<List<Unit>> loads) {
        List<Unit> least = loads.get(0);
        for (List<Unit> load : loads) {
            if (load.size() < least.size()) {
                least = load;
            }
        }
        return least;
    }

    /**
     * What is placed as a whole: one shard, a snapshotted table with all its shards, or one scan segment of a
     * table only scanned ({@code segment} 0 or more; -1 otherwise).
     */
    private record Unit(String table, List<DiscoveredShard> shards, boolean snapshot, int segment) {

        static final Comparator<Unit> ORDER = Comparator.comparing(Unit::table)
                .thenComparing(unit -> unit.shards().isEmpty() ? "" : unit.shards().get(0).shardId())
                .thenComparingInt(Unit::segment);

        /** The task that held this unit (or, for a table just entering its snapshot, its first shard); -1 if none. */
        int previousTask(ShardAssignment previous) {
            Map<ShardKey, Integer> shardTask = new HashMap<>();
            for (int task = 0; task < previous.tasks.size(); task++) {
                if (segment >= 0 && previous.scanSegments.get(task).contains(new ScanSegment(table, segment))) {
                    return task;
                }
                if (snapshot && segment < 0 && previous.snapshotTables.get(task).contains(table)) {
                    return task;
                }
                for (DiscoveredShard shard : previous.tasks.get(task)) {
                    shardTask.put(shard.key(), task);
                }
            }
            return shards.stream().map(shard -> shardTask.get(shard.key())).filter(Objects::nonNull)
                    .findFirst().orElse(-1);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShardAssignment assignment && tasks.equals(assignment.tasks)
                && snapshotTables.equals(assignment.snapshotTables) && scanSegments.equals(assignment.scanSegments);
    }

    @Override
    public int hashCode() {
        return (tasks.hashCode() * 31 + snapshotTables.hashCode()) * 31 + scanSegments.hashCode();
    }

    @Override
    public String toString() {
        return "ShardAssignment" + tasks + (snapshotTables.stream().allMatch(Set::isEmpty) ? ""
                : " snapshots " + snapshotTables) + (scanSegments.stream().allMatch(Set::isEmpty) ? ""
                : " scan segments " + scanSegments);
    }
}
