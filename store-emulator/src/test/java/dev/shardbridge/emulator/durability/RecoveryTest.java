package dev.shardbridge.emulator.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.shardbridge.emulator.durability.JournalEntry.PartitionsOverridden;
import dev.shardbridge.emulator.durability.JournalEntry.SegmentStarted;
import dev.shardbridge.emulator.durability.JournalEntry.SnapshotStarted;
import dev.shardbridge.emulator.stream.SequenceNumbers;
import dev.shardbridge.emulator.stream.StreamCatalog;
import dev.shardbridge.emulator.stream.StreamJournal;
import dev.shardbridge.emulator.stream.StreamRestorer;
import dev.shardbridge.emulator.stream.StreamSettings;
import dev.shardbridge.emulator.table.ServiceIdentity;
import dev.shardbridge.emulator.table.TableCatalog;
import dev.shardbridge.emulator.time.EmulatorClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery reads the log up to its first torn or corrupt frame, cuts it there and sets later segments
 * aside; it never loads damaged bytes as data. Entries here are partition overrides, the simplest state
 * to observe.
 */
class RecoveryTest {

    @TempDir
    Path dataDir;

    @Test
    void aTornLastFrameIsCutWhereverTheWriteStoppedAndEverythingBeforeItLoads() throws IOException {
        byte[] first = segment(1, 1, 5);
        byte[] second = segment(2, 6, 8);
        int lastFrameStart = segment(2, 6, 7).length;
        for (int cut = lastFrameStart + 1; cut < second.length; cut++) {
            Path dir = Files.createDirectories(dataDir.resolve("cut-" + cut));
            Files.write(dir.resolve(segmentName(1)), first);
            Files.write(dir.resolve(segmentName(2)), Arrays.copyOf(second, cut));
            Recovered recovered = recover(dir);
            assertThat(recovered.overrides()).as("cut at %d", cut).isEqualTo(overrides(1, 7));
            assertThat(recovered.outcome().damaged()).isTrue();
            assertThat(recovered.outcome().nextSegment()).isEqualTo(3);
            assertThat(Files.size(dir.resolve(segmentName(2)))).as("cut at %d", cut).isEqualTo(lastFrameStart);
        }
    }

    @Test
    void aFlippedBitStopsReplayThereCutsTheSegmentAndSetsLaterSegmentsAside() throws IOException {
        byte[] first = segment(1, 1, 5);
        int damagedFrameStart = segment(1, 1, 2).length;
        first[damagedFrameStart + 12] ^= 0x10;
        Files.write(dataDir.resolve(segmentName(1)), first);
        Files.write(dataDir.resolve(segmentName(2)), segment(2, 6, 8));

        Recovered recovered = recover(dataDir);

        assertThat(recovered.overrides()).isEqualTo(overrides(1, 2));
        assertThat(Files.size(dataDir.resolve(segmentName(1)))).isEqualTo(damagedFrameStart);
        assertThat(dataDir.resolve(segmentName(2))).doesNotExist();
        assertThat(names()).anyMatch(name -> name.startsWith(segmentName(2) + ".damaged-"));
        assertThat(recovered.outcome().nextSegment()).isEqualTo(3);
    }

    @Test
    void anEntryWhoseChecksumHoldsButWhichCannotBeReadStopsStartupAndChangesNoFile() throws IOException {
        FrameBuffer buffer = new FrameBuffer(256);
        EntryCodec.encode(new SegmentStarted(EntryCodec.FORMAT_VERSION, 1), buffer);
        buffer.startFrame();
        byte[] unknown = new CBORMapper().writeValueAsBytes(Map.of("t", "fromANewerVersion"));
        buffer.write(unknown, 0, unknown.length);
        buffer.finishFrame();
        byte[] bytes = Arrays.copyOf(buffer.array(), buffer.size());
        Files.write(dataDir.resolve(segmentName(1)), bytes);

        assertThatThrownBy(() -> recover(dataDir)).hasMessageContaining("fromANewerVersion");
        assertThat(Files.readAllBytes(dataDir.resolve(segmentName(1)))).isEqualTo(bytes);
    }

    @Test
    void aSnapshotWithoutItsClosingEntryIsSetAsideAndTheLogIsReplayedInstead() throws IOException {
        FrameBuffer snapshot = new FrameBuffer(256);
        EntryCodec.encode(new SnapshotStarted(EntryCodec.FORMAT_VERSION, 2, 0, 0, Map.of("from-snapshot", 9)),
                snapshot);
        Files.write(dataDir.resolve(String.format("snapshot-%020d.cbor", 2)),
                Arrays.copyOf(snapshot.array(), snapshot.size()));
        Files.write(dataDir.resolve(segmentName(1)), segment(1, 1, 3));

        Recovered recovered = recover(dataDir);

        assertThat(recovered.overrides()).isEqualTo(overrides(1, 3));
        assertThat(names()).anyMatch(name -> name.startsWith("snapshot-00000000000000000002.cbor.damaged-"));
    }

    @Test
    void anEmulatorWhoseLastWriteWasTornLoadsEveryWholeEntry() throws IOException {
        DurableState.View before;
        try (DurableState state = DurableState.open(Durability.inDirectory(dataDir))) {
            SnapshotTest.writeHistory(state, "payload");
            before = state.view();
        }
        Path last;
        try (Stream<Path> files = Files.list(dataDir)) {
            last = files.filter(file -> file.getFileName().toString().startsWith("wal-")).sorted()
                    .reduce((a, b) -> b).orElseThrow();
        }
        // A frame header promising 200 bytes, then only 3 of them: a write the crash interrupted.
        Files.write(last, new byte[] {0, 0, 0, (byte) 200, 1, 2, 3, 4, 9, 9, 9}, StandardOpenOption.APPEND);
        try (DurableState state = DurableState.open(Durability.inDirectory(dataDir))) {
            assertThat(state.view()).isEqualTo(before);
            state.put("orders", DurableState.item("after-cut", 1, "still writable"));
        }
        try (DurableState state = DurableState.open(Durability.inDirectory(dataDir))) {
            assertThat(state.view().tables().get("orders").itemCount())
                    .isEqualTo(before.tables().get("orders").itemCount() + 1);
        }
    }

    private record Recovered(Recovery.Outcome outcome, Map<String, Integer> overrides) {
    }

    private static Recovered recover(Path dir) throws IOException {
        EmulatorClock clock = EmulatorClock.system();
        StreamCatalog streams = new StreamCatalog(clock, StreamSettings.AWS, ServiceIdentity.DEFAULT,
                new SequenceNumbers(0), StreamJournal.NONE);
        TableCatalog tables = new TableCatalog(streams, streams);
        try (DataDirectory directory = DataDirectory.open(dir)) {
            Recovery.Outcome outcome = new Recovery(directory, new StateRestorer(tables, new StreamRestorer(streams)))
                    .run();
            return new Recovered(outcome, streams.partitionOverrides());
        }
    }

    /** A segment whose entries override the partitions of tables t{from}..t{to} to {from}..{to}. */
    private static byte[] segment(long number, int from, int to) {
        FrameBuffer buffer = new FrameBuffer(256);
        EntryCodec.encode(new SegmentStarted(EntryCodec.FORMAT_VERSION, number), buffer);
        for (int i = from; i <= to; i++) {
            EntryCodec.encode(new PartitionsOverridden("t" + i, i), buffer);
        }
        return Arrays.copyOf(buffer.array(), buffer.size());
    }

    private static Map<String, Integer> overrides(int from, int to) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (int i = from; i <= to; i++) {
            expected.put("t" + i, i);
        }
        return expected;
    }

    private static String segmentName(long number) {
        return String.format("wal-%020d.log", number);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

}
