package dev.shardbridge.source.discovery;

import dev.shardbridge.emulator.fault.FaultKind;
import dev.shardbridge.emulator.fault.FaultRule;
import dev.shardbridge.source.EmulatorWithClients;
import dev.shardbridge.source.TestTables;
import dev.shardbridge.source.assign.DiscoveredShard;
import dev.shardbridge.source.offset.InMemoryOffsets;
import dev.shardbridge.source.offset.ShardOffset;
import dev.shardbridge.source.offset.ShardOffsets;
import dev.shardbridge.source.offset.SegmentPartition;
import dev.shardbridge.source.offset.SegmentProgress;
import dev.shardbridge.source.offset.ShardPartition;
import dev.shardbridge.source.offset.SnapshotOffsets;
import dev.shardbridge.source.snapshot.UnfinishedSnapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The connector's discovery scheduler, one refresh at a time, against the emulator. */
class ShardMonitorTest {

    @RegisterExtension
    static final EmulatorWithClients emulator = new EmulatorWithClients();

    private final InMemoryOffsets committed = new InMemoryOffsets();

    @Test
    void reportsNewChildrenButNotShardsThatOnlyFinished() {
        TestTables.create(emulator.dynamoDb(), emulator.admin(), "monitored", 2, StreamViewType.NEW_IMAGE);
        ShardMonitor monitor = monitor(List.of("monitored"), Optional.empty());
        assertThat(monitor.refresh()).isTrue();
        assertThat(monitor.shards()).hasSize(2);
        assertThat(monitor.refresh()).as("same listing").isFalse();

        emulator.admin().splitPartition("monitored", 0);
        assertThat(monitor.refresh()).as("two children appeared").isTrue();
        List<DiscoveredShard> afterSplit = monitor.shards();
        assertThat(afterSplit).hasSize(4);
        DiscoveredShard parent = afterSplit.stream()
                .filter(shard -> afterSplit.stream().anyMatch(child -> child.parentShardIds().contains(shard.shardId())))
                .findFirst().orElseThrow();

        committed.commit(ShardOffset.drained(new ShardPartition("monitored", parent.shardId()), null));
        assertThat(monitor.refresh()).as("a drained parent leaving is not worth restarting every task").isFalse();
        assertThat(monitor.shards()).hasSize(3).doesNotContain(parent);
    }

    @Test
    void findsTablesByRegexAndSkipsMissingOnes() {
        TestTables.create(emulator.dynamoDb(), emulator.admin(), "fleet-a", 1, StreamViewType.NEW_IMAGE);
        TestTables.create(emulator.dynamoDb(), emulator.admin(), "fleet-b", 1, StreamViewType.NEW_IMAGE);
        TestTables.create(emulator.dynamoDb(), emulator.admin(), "other", 1, StreamViewType.NEW_IMAGE);
        ShardMonitor monitor = monitor(List.of("does-not-exist"), Optional.of(Pattern.compile("fleet-.*")));
        monitor.refresh();
        assertThat(monitor.shards()).extracting(DiscoveredShard::table).containsExactly("fleet-a", "fleet-b");
    }

    @Test
    void keepsTheKnownShardsWhenTheStoreCannotBeReached() {
        TestTables.create(emulator.dynamoDb(), emulator.admin(), "flaky", 1, StreamViewType.NEW_IMAGE);
        ShardMonitor monitor = monitor(List.of("flaky"), Optional.empty());
        monitor.refresh();
        emulator.admin().addFault(FaultRule.of(FaultKind.INTERNAL_SERVER_ERROR).onOperation("DescribeStream"));
        try {
            assertThat(monitor.refresh()).isFalse();
            assertThat(monitor.shards()).hasSize(1);
        } finally {
            emulator.admin().clearFaults();
        }
    }

    @Test
    void reportsTablesEnteringAndLeavingTheirSnapshot() {
        TestTables.create(emulator.dynamoDb(), emulator.admin(), "snapshotted", 2, StreamViewType.NEW_IMAGE);
        ShardMonitor monitor = new ShardMonitor(new TableResolver(emulator.dynamoDb(), List.of("snapshotted"),
                Optional.empty()), new ShardDiscovery(emulator.dynamoDb(), emulator.streams()),
                new ShardOffsets(committed), new UnfinishedSnapshots(new SnapshotOffsets(committed), 1), true, () -> { });
        monitor.refresh();
        assertThat(monitor.snapshotTables()).containsExactly("snapshotted");
        assertThat(monitor.refresh()).isFalse();

        SegmentProgress done = SegmentProgress.start(new SegmentPartition("snapshotted", 0), 1, 1).finished(0);
        committed.commit(done.partition().toMap(), done.toMap());
        assertThat(monitor.refresh()).as("its shards can be spread over the tasks now").isTrue();
        assertThat(monitor.snapshotTables()).isEmpty();
        assertThat(monitor.shards()).hasSize(2);
    }

    @Test
    void onlyScanningListsNoShardsAndNeedsNoStream() {
        TestTables.create(emulator.dynamoDb(), emulator.admin(), "export-only", 2, null);
        ShardMonitor monitor = new ShardMonitor(new TableResolver(emulator.dynamoDb(), List.of("export-only"),
                Optional.empty()), new ShardDiscovery(emulator.dynamoDb(), emulator.streams()),
                new ShardOffsets(committed), new UnfinishedSnapshots(new SnapshotOffsets(committed), 2), false, () -> { });
        monitor.refresh();
        assertThat(monitor.shards()).isEmpty();
        assertThat(monitor.snapshotTables()).containsExactly("export-only");
    }

    private ShardMonitor monitor(List<String> tables, Optional<Pattern> regex) {
        return new ShardMonitor(new TableResolver(emulator.dynamoDb(), tables, regex),
                new ShardDiscovery(emulator.dynamoDb(), emulator.streams()), new ShardOffsets(committed), () -> { });
    }
}
