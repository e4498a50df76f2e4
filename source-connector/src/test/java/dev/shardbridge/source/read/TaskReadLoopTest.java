package dev.shardbridge.source.read;

import dev.shardbridge.event.ChangeEventFactory;
import dev.shardbridge.source.EmulatorWithClients;
import dev.shardbridge.source.TestTables;
import dev.shardbridge.source.assign.DiscoveredShard;
import dev.shardbridge.source.config.IdleBackoff;
import dev.shardbridge.source.config.StartPosition;
import dev.shardbridge.source.config.TrimmedDataPolicy;
import dev.shardbridge.source.discovery.ShardDiscovery;
import dev.shardbridge.source.emit.ChangeRecords;
import dev.shardbridge.source.emit.SnapshotRecords;
import dev.shardbridge.source.metrics.RecordingMetrics;
import dev.shardbridge.source.offset.SegmentPartition;
import dev.shardbridge.source.offset.SegmentProgress;
import dev.shardbridge.source.offset.SnapshotEpoch;
import dev.shardbridge.source.offset.SnapshotOffsets;
import dev.shardbridge.source.snapshot.TaskSnapshots;
import dev.shardbridge.source.offset.InMemoryOffsets;
import dev.shardbridge.source.offset.ShardOffset;
import dev.shardbridge.source.offset.ShardOffsets;
import dev.shardbridge.source.offset.ShardPartition;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The task's read loop against the emulator's stream, with Connect's offset storage kept in memory. */
class TaskReadLoopTest {

    @RegisterExtension
    static final EmulatorWithClients emulator = new EmulatorWithClients();

    private static final String MARKERS = "markers";

    private final InMemoryOffsets committed = new InMemoryOffsets();
    private final RecordingMetrics metrics = new RecordingMetrics();

    @Test
    void aParentOnTheSameTaskIsEmittedAndMarkedDrainedBeforeAnyChildRecord() throws Exception {
        String table = "same-task";
        List<DiscoveredShard> shards = splitTable(table);
        TaskReadLoop loop = loop(table, shards, TrimmedDataPolicy.FAIL);

        List<SourceRecord> out = readUntil(loop, records -> ids(records).size() == 9);
        int marker = indexOfMarker(out);
        assertThat(ids(out.subList(0, marker))).containsExactly("a0", "a1", "a2");
        assertThat(ids(out.subList(marker + 1, out.size()))).containsExactlyInAnyOrder(
                "b0", "b1", "b2", "b3", "b4", "b5");
        assertThat(out.get(marker).sourceOffset().get("drained")).isEqualTo(true);
        assertThat(metrics.records.get()).isEqualTo(9);
    }

    @Test
    void aChildWaitsUntilItsParentOnAnotherTaskIsCommittedDrained() throws Exception {
        String table = "other-task";
        List<DiscoveredShard> shards = splitTable(table);
        DiscoveredShard parent = shards.stream().filter(s -> s.parentShardIds().isEmpty()).findFirst().orElseThrow();
        List<DiscoveredShard> children = shards.stream().filter(s -> !s.parentShardIds().isEmpty()).toList();
        TaskReadLoop loop = loop(table, children, TrimmedDataPolicy.FAIL);

        assertThat(loop.poll()).as("gated while the parent has no drained offset").isNull();
        committed.commit(ShardOffset.after(new ShardPartition(table, parent.shardId()), "1"));
        assertThat(loop.poll()).as("a position inside the parent does not open the gate").isNull();
        committed.commit(ShardOffset.drained(new ShardPartition(table, parent.shardId()), "1"));
        List<SourceRecord> out = readUntil(loop, records -> ids(records).size() == 6);
        assertThat(ids(out)).containsExactlyInAnyOrder("b0", "b1", "b2", "b3", "b4", "b5");
    }

    @Test
    void resumesAfterTheCommittedSequenceNumberWithoutRepeating() throws Exception {
        String table = "resume-loop";
        List<DiscoveredShard> shards = singleShard(table, 5);
        List<SourceRecord> first = readUntil(loop(table, shards, TrimmedDataPolicy.FAIL),
                records -> ids(records).size() == 5);
        SourceRecord third = first.stream().filter(r -> "a2".equals(id(r))).findFirst().orElseThrow();
        committed.commit(third.sourcePartition(), third.sourceOffset());

        List<SourceRecord> resumed = readUntil(loop(table, shards, TrimmedDataPolicy.FAIL),
                records -> ids(records).size() == 2);
        assertThat(ids(resumed)).containsExactly("a3", "a4");
    }

    @Test
    void aTrimmedPositionFailsTheTaskByDefaultWithAnActionableMessage() {
        String table = "trimmed-fail";
        List<DiscoveredShard> shards = trimmedPosition(table);
        TaskReadLoop loop = loop(table, shards, TrimmedDataPolicy.FAIL);
        assertThatThrownBy(() -> readUntil(loop, records -> false))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("older than the stream's retention")
                .hasMessageContaining("trimmed.data.policy=skip");
    }

    @Test
    void aTrimmedPositionUnderSkipContinuesAtTheOldestRecordAndCountsTheGap() throws Exception {
        String table = "trimmed-skip";
        List<DiscoveredShard> shards = trimmedPosition(table);
        // Everything the shard held has aged out and it has rolled over since: skipping to its oldest retained
        // record finds it empty and closed, so it drains, and the gap is counted once.
        List<SourceRecord> out = readUntil(loop(table, shards, TrimmedDataPolicy.SKIP),
                records -> records.stream().anyMatch(r -> MARKERS.equals(r.topic())));
        assertThat(ids(out)).isEmpty();
        assertThat(metrics.gaps.get()).isEqualTo(1);
    }

    @Test
    void aParentTrimmedAwayBeforeItWasReadToItsEndIsAGapUnderEveryPolicy() throws Exception {
        List<DiscoveredShard> fail = parentTrimmedAway("lost-parent-fail");
        assertThatThrownBy(() -> readUntil(loop("lost-parent-fail", fail, TrimmedDataPolicy.FAIL), records -> false))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("its parent shard")
                .hasMessageContaining("was trimmed from the stream while this connector's position in it was after")
                .hasMessageContaining("snapshot.mode=when_needed");

        List<DiscoveredShard> skip = parentTrimmedAway("lost-parent-skip");
        put("lost-parent-skip", "c", 2);
        List<SourceRecord> out = readUntil(loop("lost-parent-skip", skip, TrimmedDataPolicy.SKIP),
                records -> ids(records).size() == 2);
        assertThat(ids(out)).containsExactly("c0", "c1");
        assertThat(metrics.gaps.get()).isEqualTo(1);
    }

    @Test
    void underWhenNeededALineageThatAgedOutUnreadCommitsTheNextSnapshotEpoch() throws Exception {
        String table = "lost-parent-resnapshot";
        List<DiscoveredShard> shards = trimmedAway(table, Duration.ofHours(60), false);
        SegmentProgress snapshotted = SegmentProgress.start(new SegmentPartition(table, 0), 1, 2).finished(3);
        committed.commit(snapshotted.partition().toMap(), snapshotted.toMap());
        TaskReadLoop.Settings settings = new TaskReadLoop.Settings(StartPosition.SNAPSHOT, 1000,
                new IdleBackoff(Duration.ofMillis(5), Duration.ofMillis(50)), TrimmedDataPolicy.FAIL, true);
        SnapshotRecords records = new SnapshotRecords(new ChangeEventFactory("dynamodb", "test", Clock.systemUTC()),
                "", MARKERS);
        TaskSnapshots snapshots = new TaskSnapshots(new SnapshotOffsets(committed), records, 2, (state, segments) -> {
            throw new AssertionError("the table is not snapshotted by this task");
        });
        TaskReadLoop loop = TaskReadLoop.create(emulator.streams(),
                Map.of(table, TableStream.describe(emulator.dynamoDb(), table)), shards, new ShardOffsets(committed),
                new ChangeRecords(new ChangeEventFactory("dynamodb", "test", Clock.systemUTC()), "", true, MARKERS),
                metrics, settings, snapshots);

        List<SourceRecord> out = readUntil(loop, all -> all.stream().anyMatch(r -> SnapshotEpoch.matches(r.sourcePartition())));
        SourceRecord epoch = out.stream().filter(r -> SnapshotEpoch.matches(r.sourcePartition())).findFirst().orElseThrow();
        assertThat(epoch.topic()).isEqualTo(MARKERS);
        assertThat(SnapshotEpoch.fromMaps(epoch.sourcePartition(), epoch.sourceOffset()))
                .isEqualTo(new SnapshotEpoch(table, 2));
        assertThat(metrics.gaps.get()).isEqualTo(1);
    }

    @Test
    void stopReleasesAPollThatIsWaitingForRecords() throws Exception {
        String table = "stop-loop";
        TaskReadLoop loop = loop(table, singleShard(table, 0), TrimmedDataPolicy.FAIL);
        loop.poll();
        CompletableFuture<List<SourceRecord>> polling = CompletableFuture.supplyAsync(() -> {
            try {
                return loop.poll();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        long stopped = System.nanoTime();
        loop.stop();
        assertThat(polling.get(5, TimeUnit.SECONDS)).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofMillis(500));
    }

    private TaskReadLoop loop(String table, List<DiscoveredShard> shards, TrimmedDataPolicy policy) {
        TableStream stream = TableStream.describe(emulator.dynamoDb(), table);
        ChangeRecords changeRecords = new ChangeRecords(new ChangeEventFactory("dynamodb", "test", Clock.systemUTC()),
                "", true, MARKERS);
        TaskReadLoop.Settings settings = new TaskReadLoop.Settings(StartPosition.TRIM_HORIZON, 1000,
                new IdleBackoff(Duration.ofMillis(5), Duration.ofMillis(50)), policy);
        return TaskReadLoop.create(emulator.streams(), Map.of(table, stream), shards, new ShardOffsets(committed),
                changeRecords, metrics, settings);
    }

    /** A one-partition table with a0..a2 in its first shard, then split, then b0..b5 in the children. */
    private static List<DiscoveredShard> splitTable(String table) {
        createTable(table);
        put(table, "a", 3);
        emulator.admin().splitPartition(table, 0);
        put(table, "b", 6);
        List<DiscoveredShard> shards = new ShardDiscovery(emulator.dynamoDb(), emulator.streams()).discover(table);
        assertThat(shards).hasSize(3);
        return shards;
    }

    private static List<DiscoveredShard> singleShard(String table, int items) {
        createTable(table);
        put(table, "a", items);
        return new ShardDiscovery(emulator.dynamoDb(), emulator.streams()).discover(table);
    }

    /** A committed position whose records have aged out of the stream's 24-hour retention. */
    private List<DiscoveredShard> trimmedPosition(String table) {
        List<DiscoveredShard> shards = singleShard(table, 3);
        List<SourceRecord> read;
        try {
            read = readUntil(loop(table, shards, TrimmedDataPolicy.FAIL), records -> ids(records).size() == 3);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        SourceRecord first = read.get(0);
        committed.commit(first.sourcePartition(), first.sourceOffset());
        emulator.admin().advanceClock(Duration.ofHours(25));
        return new ShardDiscovery(emulator.dynamoDb(), emulator.streams()).discover(table).stream()
                .filter(shard -> shard.shardId().equals(shards.get(0).shardId())).toList();
    }

    /**
     * A table whose only shard was read up to a0 only (a1, a2 unread), then closed (rollover every 4 hours) and
     * aged out of the stream entirely: what remains is its child, whose parent is listed no more.
     */
    private List<DiscoveredShard> parentTrimmedAway(String table) throws InterruptedException {
        return trimmedAway(table, Duration.ofHours(30), true);
    }

    /**
     * @param immediate whether the read shard itself is the oldest listed shard's trimmed parent, or a whole
     *                  line of its descendants aged out too
     */
    private List<DiscoveredShard> trimmedAway(String table, Duration later, boolean immediate)
            throws InterruptedException {
        List<DiscoveredShard> shards = singleShard(table, 3);
        List<SourceRecord> read = readUntil(loop(table, shards, TrimmedDataPolicy.FAIL), records -> ids(records).size() == 3);
        committed.commit(read.get(0).sourcePartition(), read.get(0).sourceOffset());
        emulator.admin().advanceClock(later);
        List<DiscoveredShard> listed = new ShardDiscovery(emulator.dynamoDb(), emulator.streams()).discover(table);
        assertThat(listed.stream().filter(shard -> !shard.trimmedParentShardIds().isEmpty()))
                .singleElement().satisfies(oldest -> assertThat(oldest.trimmedParentShardIds()
                        .contains(shards.get(0).shardId())).as("the read shard is the trimmed parent")
                        .isEqualTo(immediate));
        return listed;
    }

    private static void createTable(String table) {
        TestTables.create(emulator.dynamoDb(), emulator.admin(), table, 1, StreamViewType.NEW_IMAGE);
    }

    private static void put(String table, String prefix, int count) {
        TestTables.put(emulator.dynamoDb(), table, prefix, count);
    }

    private static List<SourceRecord> readUntil(TaskReadLoop loop, java.util.function.Predicate<List<SourceRecord>> done)
            throws InterruptedException {
        List<SourceRecord> all = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(10);
        while (!done.test(all)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Read only " + ids(all));
            }
            List<SourceRecord> page = loop.poll();
            if (page != null) {
                all.addAll(page);
            }
        }
        return all;
    }

    private static int indexOfMarker(List<SourceRecord> records) {
        for (int i = 0; i < records.size(); i++) {
            if (MARKERS.equals(records.get(i).topic())) {
                return i;
            }
        }
        throw new AssertionError("No drained marker in " + records.size() + " records");
    }

    private static List<String> ids(List<SourceRecord> records) {
        return records.stream().filter(r -> !MARKERS.equals(r.topic()) && r.value() != null)
                .map(TaskReadLoopTest::id).toList();
    }

    private static String id(SourceRecord record) {
        return ((Struct) ((Struct) record.value()).getMap("after").get("id")).getString("S");
    }
}
