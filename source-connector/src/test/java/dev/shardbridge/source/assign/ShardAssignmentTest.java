package dev.shardbridge.source.assign;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardAssignmentTest {

    private static List<DiscoveredShard> roots(String table, int count) {
        return IntStream.range(0, count).mapToObj(i -> DiscoveredShard.root(table, "shardId-" + (1000 + i))).toList();
    }

    private static Map<String, Integer> taskByShard(ShardAssignment assignment) {
        Map<String, Integer> byShard = new HashMap<>();
        for (int task = 0; task < assignment.taskCount(); task++) {
            for (DiscoveredShard shard : assignment.shardsOf(task)) {
                byShard.put(shard.table() + "/" + shard.shardId(), task);
            }
        }
        return byShard;
    }

    private static void assertBalanced(ShardAssignment assignment, int shards, int maxTasks) {
        assertThat(assignment.taskCount()).isEqualTo(Math.min(shards, maxTasks));
        List<Integer> sizes = assignment.tasks().stream().map(List::size).toList();
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(shards);
        if (!sizes.isEmpty()) {
            assertThat(Collections.max(sizes) - Collections.min(sizes)).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void givesOneShardPerTaskWhileTasksMaxAllows() {
        ShardAssignment assignment = ShardAssignment.assign(roots("orders", 4), 10, ShardAssignment.EMPTY);
        assertThat(assignment.taskCount()).isEqualTo(4);
        assertThat(assignment.tasks()).allSatisfy(shards -> assertThat(shards).hasSize(1));
    }

    @Test
    void spreadsShardsEvenlyWhenTasksAreFewer() {
        List<DiscoveredShard> shards = new ArrayList<>(roots("orders", 7));
        shards.addAll(roots("parcels", 3));
        assertBalanced(ShardAssignment.assign(shards, 3, ShardAssignment.EMPTY), 10, 3);
    }

    @Test
    void doesNotDependOnTheOrderShardsAreListedIn() {
        List<DiscoveredShard> shards = new ArrayList<>(roots("orders", 9));
        shards.addAll(roots("parcels", 4));
        ShardAssignment expected = ShardAssignment.assign(shards, 5, ShardAssignment.EMPTY);
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(shards, random);
            assertThat(ShardAssignment.assign(shards, 5, ShardAssignment.EMPTY)).isEqualTo(expected);
        }
    }

    @Test
    void noShardsMeansNoTasks() {
        assertThat(ShardAssignment.assign(List.of(), 4, ShardAssignment.EMPTY).taskCount()).isZero();
    }

    @Test
    void rejectsTasksMaxBelowOne() {
        assertThatThrownBy(() -> ShardAssignment.assign(roots("orders", 1), 0, ShardAssignment.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tasks.max must be at least 1, got 0");
    }

    @Test
    void childrenOfASplitJoinWithoutMovingExistingShards() {
        List<DiscoveredShard> before = roots("orders", 3);
        ShardAssignment first = ShardAssignment.assign(before, 8, ShardAssignment.EMPTY);
        List<DiscoveredShard> after = new ArrayList<>(before);
        // Children sort before their parents here on purpose: order must not decide who moves.
        after.add(DiscoveredShard.child("orders", "shardId-0001a", "shardId-1001"));
        after.add(DiscoveredShard.child("orders", "shardId-0001b", "shardId-1001"));
        ShardAssignment second = ShardAssignment.assign(after, 8, first);
        assertThat(taskByShard(second)).containsAllEntriesOf(taskByShard(first));
        assertBalanced(second, 5, 8);
    }

    @Test
    void aDrainedParentsTaskIsReusedByItsReplacement() {
        List<DiscoveredShard> before = roots("orders", 3);
        ShardAssignment first = ShardAssignment.assign(before, 8, ShardAssignment.EMPTY);
        int parentTask = taskByShard(first).get("orders/shardId-1001");
        List<DiscoveredShard> after = new ArrayList<>(before);
        after.removeIf(shard -> shard.shardId().equals("shardId-1001"));
        after.add(DiscoveredShard.child("orders", "shardId-2000", "shardId-1001"));
        Map<String, Integer> second = taskByShard(ShardAssignment.assign(after, 8, first));
        assertThat(second).containsEntry("orders/shardId-2000", parentTask)
                .containsEntry("orders/shardId-1000", taskByShard(first).get("orders/shardId-1000"))
                .containsEntry("orders/shardId-1002", taskByShard(first).get("orders/shardId-1002"));
    }

    @Test
    void addingShardsNeverMovesAnExistingOne() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int maxTasks = 1 + random.nextInt(8);
            List<DiscoveredShard> shards = new ArrayList<>(roots("t" + random.nextInt(3) + "x", random.nextInt(12)));
            ShardAssignment previous = ShardAssignment.assign(shards, maxTasks, ShardAssignment.EMPTY);
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                // New shards sort before or after the old ones, so canonical order cannot hide churn.
                String table = random.nextBoolean() ? "aaa" : "zzz";
                shards.add(DiscoveredShard.root(table, "shardId-new-" + round + "-" + i));
            }
            Collections.shuffle(shards, random);
            ShardAssignment next = ShardAssignment.assign(shards, maxTasks, previous);
            assertBalanced(next, shards.size(), maxTasks);
            assertThat(taskByShard(next)).containsAllEntriesOf(taskByShard(previous));
        }
    }

    @Test
    void shrinkingTasksMaxRebalancesEveryShard() {
        ShardAssignment wide = ShardAssignment.assign(roots("orders", 6), 6, ShardAssignment.EMPTY);
        ShardAssignment narrow = ShardAssignment.assign(roots("orders", 6), 4, wide);
        assertBalanced(narrow, 6, 4);
        // Tasks 0-3 keep their shard; only the two shards of removed tasks move.
        for (int task = 0; task < 4; task++) {
            assertThat(narrow.shardsOf(task)).containsAll(wide.shardsOf(task));
        }
    }

    @Test
    void overloadedPreviousTasksShedDownToBalance() {
        ShardAssignment lopsided = ShardAssignment.of(List.of(roots("orders", 5), List.of()));
        ShardAssignment balanced = ShardAssignment.assign(roots("orders", 5), 2, lopsided);
        assertBalanced(balanced, 5, 2);
        assertThat(lopsided.shardsOf(0)).containsAll(balanced.shardsOf(0));
    }

    @Test
    void aShardListedTwiceIsAssignedOnceWithAllItsParents() {
        List<DiscoveredShard> listing = List.of(
                DiscoveredShard.child("orders", "c", "p1"),
                DiscoveredShard.child("orders", "c", "p2"));
        ShardAssignment assignment = ShardAssignment.assign(listing, 4, ShardAssignment.EMPTY);
        assertThat(assignment.taskCount()).isEqualTo(1);
        assertThat(assignment.shardsOf(0).get(0).parentShardIds()).containsExactly("p1", "p2");
    }

    @Test
    void taskConfigsCarryShardsAndLineageAndRoundTrip() {
        List<DiscoveredShard> shards = List.of(
                DiscoveredShard.root("orders", "shardId-p"),
                DiscoveredShard.child("orders", "shardId-c1", "shardId-p"),
                DiscoveredShard.child("parcels", "shardId-x", "shardId-gone"));
        ShardAssignment assignment = ShardAssignment.assign(shards, 2, ShardAssignment.EMPTY);
        List<Map<String, String>> configs = assignment.toTaskConfigs(Map.of("tables", "orders,parcels"));
        assertThat(configs).hasSize(2).allSatisfy(config -> assertThat(config).containsEntry("tables", "orders,parcels"));
        assertThat(ShardAssignment.fromTaskConfigs(configs)).isEqualTo(assignment);
        assertThat(configs.stream().flatMap(config -> TaskShardsConfig.decode(config).stream()))
                .contains(DiscoveredShard.child("parcels", "shardId-x", "shardId-gone"));
    }

    @Test
    void taskConfigsAreDeterministic() {
        List<DiscoveredShard> shards = roots("orders", 5);
        assertThat(ShardAssignment.assign(shards, 3, ShardAssignment.EMPTY).toTaskConfigs(Map.of()))
                .isEqualTo(ShardAssignment.assign(shards, 3, ShardAssignment.EMPTY).toTaskConfigs(Map.of()));
    }

    @Test
    void refusesIdsThatWouldBreakTheTaskConfigEncoding() {
        assertThatThrownBy(() -> DiscoveredShard.child("orders", "c", "p,q"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("free of commas");
    }

    @Test
    void decodingATaskConfigWithoutShardsFailsClearly() {
        assertThatThrownBy(() -> TaskShardsConfig.decode(Map.of("tables", "orders")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Task config has no task.shards.count; it was not made by ShardAssignment");
        assertThatThrownBy(() -> TaskShardsConfig.decode(Map.of("task.shards.count", "1", "task.shard.0.id", "s")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Task config lacks task.shard.0.parents");
    }

    @Test
    void aSnapshottedTableKeepsItsScanAndAllItsShardsOnOneTaskWhileOtherShardsSpread() {
        List<DiscoveredShard> shards = new ArrayList<>(roots("orders", 4));
        shards.addAll(roots("users", 3));
        ShardAssignment assignment = ShardAssignment.assign(shards, java.util.Set.of("orders"), 8, ShardAssignment.EMPTY);

        assertThat(assignment.taskCount()).as("one unit for orders, one per users shard").isEqualTo(4);
        int ordersTask = IntStream.range(0, assignment.taskCount())
                .filter(task -> assignment.snapshotTablesOf(task).contains("orders")).findFirst().orElseThrow();
        assertThat(assignment.shardsOf(ordersTask)).containsExactlyElementsOf(roots("orders", 4));
        for (int task = 0; task < assignment.taskCount(); task++) {
            if (task != ordersTask) {
                assertThat(assignment.shardsOf(task)).hasSize(1).allMatch(shard -> shard.table().equals("users"));
                assertThat(assignment.snapshotTablesOf(task)).isEmpty();
            }
        }
        assertThat(ShardAssignment.fromTaskConfigs(assignment.toTaskConfigs(Map.of()))).isEqualTo(assignment);
    }

    @Test
    void aSnapshotStaysWhereItRunsAndItsShardsStayPutWhenItEnds() {
        List<DiscoveredShard> shards = new ArrayList<>(roots("orders", 2));
        shards.addAll(roots("users", 2));
        ShardAssignment during = ShardAssignment.assign(shards, java.util.Set.of("orders"), 3, ShardAssignment.EMPTY);
        ShardAssignment again = ShardAssignment.assign(shards, java.util.Set.of("orders"), 3, during);
        assertThat(again).isEqualTo(during);

        ShardAssignment after = ShardAssignment.assign(shards, java.util.Set.of(), 3, during);
        assertBalanced(after, 4, 3);
        Map<String, Integer> before = taskByShard(during);
        long moved = taskByShard(after).entrySet().stream()
                .filter(entry -> !entry.getValue().equals(before.get(entry.getKey()))).count();
        assertThat(moved).as("only what must move to balance").isLessThanOrEqualTo(1);
    }

    @Test
    void aTableOnlyScannedIsAssignedWithoutShards() {
        ShardAssignment assignment = ShardAssignment.assign(List.of(), java.util.Set.of("export"), 4,
                ShardAssignment.EMPTY);
        assertThat(assignment.taskCount()).isEqualTo(1);
        assertThat(assignment.shardsOf(0)).isEmpty();
        assertThat(assignment.snapshotTablesOf(0)).containsExactly("export");
        assertThat(TaskShardsConfig.decodeSnapshotTables(assignment.toTaskConfigs(Map.of()).get(0)))
                .containsExactly("export");
    }

    @Test
    void aTableOnlyScannedSpreadsItsUnfinishedSegmentsOverTheTasks() {
        ShardAssignment assignment = ShardAssignment.assign(List.of(), java.util.Set.of("export"),
                Map.of("export", List.of(0, 1, 3, 5)), 3, ShardAssignment.EMPTY);

        assertThat(assignment.taskCount()).isEqualTo(3);
        List<ScanSegment> placed = new ArrayList<>();
        for (int task = 0; task < 3; task++) {
            assertThat(assignment.scanSegmentsOf(task)).hasSizeBetween(1, 2);
            assertThat(assignment.snapshotTablesOf(task)).as("no task runs the table as a whole").isEmpty();
            placed.addAll(assignment.scanSegmentsOf(task));
        }
        assertThat(placed).containsExactlyInAnyOrder(new ScanSegment("export", 0), new ScanSegment("export", 1),
                new ScanSegment("export", 3), new ScanSegment("export", 5));
        assertThat(ShardAssignment.fromTaskConfigs(assignment.toTaskConfigs(Map.of()))).isEqualTo(assignment);
        assertThat(ShardAssignment.assign(List.of(), java.util.Set.of("export"), Map.of("export", List.of(0, 1, 3, 5)),
                3, assignment)).as("segments stay where they run").isEqualTo(assignment);
    }
}
