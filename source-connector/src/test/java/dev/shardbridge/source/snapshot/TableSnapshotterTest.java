package dev.shardbridge.source.snapshot;

import dev.shardbridge.event.ChangeEventFactory;
import dev.shardbridge.event.Operation;
import dev.shardbridge.event.TableKey;
import dev.shardbridge.event.connect.EnvelopeDecoder;
import dev.shardbridge.source.EmulatorWithClients;
import dev.shardbridge.source.TestTables;
import dev.shardbridge.source.config.IdleBackoff;
import dev.shardbridge.source.emit.SnapshotRecords;
import dev.shardbridge.source.metrics.RecordingMetrics;
import dev.shardbridge.source.offset.InMemoryOffsets;
import dev.shardbridge.source.offset.SnapshotOffsets;
import dev.shardbridge.source.offset.TableSnapshot;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** One table's snapshot against the emulator: pages, the chunk rule, progress offsets and resuming. */
class TableSnapshotterTest {

    @RegisterExtension
    static final EmulatorWithClients emulator = new EmulatorWithClients();

    private static final TableKey KEY = TableKey.of("id");
    private static final SnapshotRecords RECORDS = new SnapshotRecords(
            new ChangeEventFactory("dynamodb", "test", Clock.systemUTC()), "", "__markers");

    private final InMemoryOffsets committed = new InMemoryOffsets();
    private final RecordingMetrics metrics = new RecordingMetrics();

    @Test
    void everyItemIsEmittedOnceAndEachSegmentCommitsDone() {
        TestTables.create(emulator.dynamoDb(), emulator.admin(), "snap-all", 2, null);
        TestTables.put(emulator.dynamoDb(), "snap-all", "item-", 250);
        TableSnapshotter snapshotter = snapshotter(TableSnapshot.begin("snap-all", 1, 3), 40, false, 250);

        List<SourceRecord> out = runUntil(snapshotter, ready -> true, records -> snapshotter.complete());

        assertThat(ids(rows(out))).hasSize(250).doesNotHaveDuplicates();
        assertThat(out.stream().filter(record -> record.topic().equals("__markers")).count())
                .as("one done marker per segment").isEqualTo(3);
        commitAll(out);
        TableSnapshot state = new SnapshotOffsets(committed).read("snap-all", 3);
        assertThat(state.complete()).isTrue();
        assertThat(state.scanned()).isEqualTo(250);
        assertThat(metrics.snapshot().segmentsDone()).isEqualTo(3);
        assertThat(metrics.snapshot().itemsScanned()).isEqualTo(250);
        snapshotter.close();
        assertThat(metrics.snapshotsEnded).containsExactly("snap-all");
    }

    @Test
    void aRestartResumesEachSegmentWhereItsCommittedProgressEnds() {
        TestTables.create(emulator.dynamoDb(), emulator.admin(), "snap-resume", 2, null);
        TestTables.put(emulator.dynamoDb(), "snap-resume", "item-", 300);
        TableSnapshotter first = snapshotter(TableSnapshot.begin("snap-resume", 1, 3), 20, false, 300);
        List<SourceRecord> before = runUntil(first, ready -> true,
                records -> records.stream().anyMatch(record -> record.topic().equals("__markers")));
        first.close();
        commitAll(before);

        TableSnapshot resumed = new SnapshotOffsets(committed).read("snap-resume", 3);
        assertThat(resumed.segmentsDone()).isGreaterThanOrEqualTo(1);
        TableSnapshotter second = snapshotter(resumed, 20, false, 300);
        List<SourceRecord> after = runUntil(second, ready -> true, records -> second.complete());

        Set<String> all = new HashSet<>(ids(rows(before)));
        all.addAll(ids(rows(after)));
        assertThat(all).hasSize(300);
        Set<String> repeated = new HashSet<>(ids(rows(before)));
        repeated.retainAll(ids(rows(after)));
        assertThat(repeated).as("only rows of the page each unfinished segment stopped in come again")
                .hasSizeLessThanOrEqualTo(3 * 20);
        assertThat(metrics.snapshot().itemsScanned()).as("counted across the restart").isGreaterThanOrEqualTo(300);
    }

    @Test
    void aPageWaitsForTheStreamAndDropsRowsWhoseKeyChangedWhileItWasRead() {
        TestTables.create(emulator.dynamoDb(), emulator.admin(), "snap-race", 1, StreamViewType.NEW_IMAGE);
        TestTables.put(emulator.dynamoDb(), "snap-race", "item-", 50);
        TableSnapshotter snapshotter = snapshotter(TableSnapshot.begin("snap-race", 1, 1), 1000, true, 50);
        List<Long> askedAfter = new ArrayList<>();
        long started = System.nanoTime();

        List<SourceRecord> withheld = runUntil(snapshotter, after -> {
            askedAfter.add(after);
            return false;
        }, records -> !askedAfter.isEmpty());
        assertThat(withheld).as("nothing before the stream was read past the page").isEmpty();
        assertThat(askedAfter.get(0) - started).as("read after the page plus the watermark delay")
                .isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());

        snapshotter.streamChange(Map.of("id", AttributeValue.fromS("item-7")));
        List<SourceRecord> out = new ArrayList<>();
        snapshotter.emitReady(after -> true, out);

        assertThat(ids(rows(out))).hasSize(49).doesNotContain("item-7");
        assertThat(snapshotter.complete()).isTrue();
        assertThat(metrics.snapshot().rowsDropped()).isEqualTo(1);
    }

    @Test
    void aTaskGivenSomeSegmentsOfAScanOnlySnapshotRunsThoseAlone() {
        TestTables.create(emulator.dynamoDb(), emulator.admin(), "snap-spread", 2, null);
        TestTables.put(emulator.dynamoDb(), "snap-spread", "item-", 200);
        TableSnapshotter snapshotter = new TableSnapshotter(TableSnapshot.begin("snap-spread", 1, 4), Set.of(1, 2), KEY,
                200, settings(50), emulator.dynamoDb(), RECORDS, metrics, false);
        snapshotter.start(() -> { });

        List<SourceRecord> out = runUntil(snapshotter, ready -> true, records -> snapshotter.complete());

        Set<String> expected = new HashSet<>(segmentIds("snap-spread", 1, 4));
        expected.addAll(segmentIds("snap-spread", 2, 4));
        assertThat(ids(rows(out))).containsExactlyInAnyOrderElementsOf(expected);
        List<Object> doneSegments = out.stream().filter(record -> record.topic().equals("__markers"))
                .map(record -> (Object) record.sourcePartition().get("snapshot_segment")).toList();
        assertThat(doneSegments).containsExactlyInAnyOrder(1, 2);
        assertThat(metrics.snapshot().segmentsTotal()).isEqualTo(2);
    }

    @Test
    void aCappedSnapshotThatCannotFinishWithinTheRetentionSaysSoBeforeItScans() {
        TestTables.create(emulator.dynamoDb(), emulator.admin(), "snap-slow", 1, null);
        TestTables.put(emulator.dynamoDb(), "snap-slow", "item-", 20);
        // 5,000,000 items (the item count DescribeTable reported, say) at 10 items/s: about 139 hours.
        TableSnapshotter snapshotter = new TableSnapshotter(TableSnapshot.begin("snap-slow", 1, 1), KEY, 5_000_000,
                new TableSnapshotter.Settings(10, 10, Duration.ofMillis(30), Duration.ofHours(24),
                        new IdleBackoff(Duration.ofMillis(10), Duration.ofMillis(100))),
                emulator.dynamoDb(), RECORDS, metrics, false);
        snapshotter.start(() -> { });
        try {
            assertThat(metrics.snapshot().outlivesRetention()).isTrue();
        } finally {
            snapshotter.close();
        }

        TableSnapshotter quick = snapshotter(TableSnapshot.begin("snap-slow", 1, 1), 10, false, 20);
        assertThat(metrics.snapshot().outlivesRetention()).isFalse();
        quick.close();
    }

    /** The ids in one segment of a parallel Scan, read directly. */
    private static List<String> segmentIds(String table, int segment, int total) {
        return emulator.dynamoDb().scanPaginator(request -> request.tableName(table).segment(segment)
                .totalSegments(total)).items().stream().map(item -> item.get("id").s()).toList();
    }

    private static TableSnapshotter.Settings settings(int pageItems) {
        return new TableSnapshotter.Settings(pageItems, 0, Duration.ofMillis(30), Duration.ofHours(24),
                new IdleBackoff(Duration.ofMillis(10), Duration.ofMillis(100)));
    }

    private TableSnapshotter snapshotter(TableSnapshot state, int pageItems, boolean streamed, long itemCount) {
        TableSnapshotter snapshotter = new TableSnapshotter(state, KEY, itemCount, settings(pageItems),
                emulator.dynamoDb(), RECORDS, metrics, streamed);
        snapshotter.start(() -> { });
        return snapshotter;
    }

    private static List<SourceRecord> runUntil(TableSnapshotter snapshotter, LongPredicate streamReadAfter,
                                               Predicate<List<SourceRecord>> done) {
        List<SourceRecord> out = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(20);
        while (!done.test(out)) {
            assertThat(Instant.now()).as("snapshot progress in time").isBefore(deadline);
            snapshotter.emitReady(streamReadAfter, out);
            sleep();
        }
        return out;
    }

    private void commitAll(List<SourceRecord> records) {
        records.forEach(record -> committed.commit(record.sourcePartition(), record.sourceOffset()));
    }

    private static List<SourceRecord> rows(List<SourceRecord> records) {
        return records.stream().filter(record -> record.value() != null).peek(record -> assertThat(
                EnvelopeDecoder.decode(record.value()).op()).isEqualTo(Operation.READ)).toList();
    }

    private static List<String> ids(List<SourceRecord> rows) {
        return rows.stream().map(row -> ((Struct) ((Struct) row.value()).getMap("after").get("id")).getString("S"))
                .toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
