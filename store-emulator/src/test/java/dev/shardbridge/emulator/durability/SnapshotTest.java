package dev.shardbridge.emulator.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.stream.StreamRestorer;
import dev.shardbridge.emulator.table.StreamViewType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {
    @TempDir
    Path dataDir;

    @Test
    void aSnapshotAloneRestoresTablesItemsStreamsAndRecordsExactly() throws Exception {
        DurableState.View before;
        long lastSequence;
        try (DurableState state = open()) {
            writeHistory(state, "early");
            writeMoreHistory(state);
            state.persistence.compactNow();
            before = state.view();
            lastSequence = state.sequences.lastAllocated();
        }
        assertThat(files("snapshot-")).hasSize(1);
        assertThat(files("wal-")).hasSize(1);

        try (DurableState state = open()) {
            assertThat(state.view()).isEqualTo(before);
            assertThat(state.sequences.lastAllocated()).isGreaterThanOrEqualTo(lastSequence);
        }
    }

    @Test
    void entriesLoggedAfterASnapshotAreReplayedOverIt() throws Exception {
        DurableState.View before;
        try (DurableState state = open()) {
            writeHistory(state, "early");
            state.persistence.compactNow();
            writeMoreHistory(state);
            before = state.view();
        }
        try (DurableState state = open()) {
            assertThat(state.view()).isEqualTo(before);
        }
    }

    @Test
    void aSnapshotIsPublishedOnlyOnceTheLogHoldsEverythingItHolds() throws Exception {
        // An hour between forces: only the compaction itself can have forced the log.
        Durability rarelyForced = Durability.inDirectory(dataDir).withFsyncInterval(Duration.ofHours(1));
        try (DurableState state = DurableState.open(rarelyForced)) {
            writeHistory(state, "early");
            long logged = state.persistence.log().appendedPosition();
            assertThat(state.persistence.log().durablePosition()).isLessThan(logged);
            state.persistence.compactNow();
            assertThat(state.persistence.log().durablePosition()).isGreaterThanOrEqualTo(logged);
        }
    }

    @Test
    void replayingALogTwiceLeavesTheStateItLeavesOnce() throws Exception {
        try (DurableState state = open()) {
            writeHistory(state, "early");
            writeMoreHistory(state);
        }
        List<JournalEntry> log = new ArrayList<>();
        try (DataDirectory directory = DataDirectory.open(dataDir)) {
            for (long segment : directory.segments()) {
                try (FrameReader frames = FrameReader.open(directory.segment(segment))) {
                    byte[] payload;
                    while ((payload = frames.next()) != null) {
                        log.add(EntryCodec.decode(payload));
                    }
                }
            }
        }
        Path onceDir = Files.createDirectory(dataDir.resolve("once"));
        Path twiceDir = Files.createDirectory(dataDir.resolve("twice"));
        try (DurableState once = DurableState.open(Durability.inDirectory(onceDir));
             DurableState twice = DurableState.open(Durability.inDirectory(twiceDir))) {
            StateRestorer onceRestorer = new StateRestorer(once.tables, new StreamRestorer(once.streams));
            StateRestorer twiceRestorer = new StateRestorer(twice.tables, new StreamRestorer(twice.streams));
            log.forEach(onceRestorer::apply);
            log.forEach(twiceRestorer::apply);
            // Replaying the second half again, as a fuzzy snapshot's log overlaps state it already holds.
            log.subList(log.size() / 2, log.size()).forEach(twiceRestorer::apply);
            log.forEach(twiceRestorer::apply);
            assertThat(twice.view()).isEqualTo(once.view());
            assertThat(once.view().tables()).containsOnlyKeys("orders", "parcels");
        }
    }

    /** A table with a stream: items of every type written, overwritten and deleted, a split and a rollover. */
    static void writeHistory(DurableState state, String payload) {
        state.create("orders", StreamViewType.NEW_AND_OLD_IMAGES);
        for (int i = 0; i < 30; i++) {
            state.put("orders", DurableState.item("order-" + i, i, payload));
        }
        state.put("orders", SampleState.itemOfEveryType("order-31", 31));
        for (int i = 0; i < 5; i++) {
            state.put("orders", DurableState.item("order-" + i, i, payload + "-again"));
        }
        state.delete("orders", "order-7", 7);
        state.delete("orders", "order-8", 8);
        state.streams.require("orders").split(1);
        state.put("orders", DurableState.item("order-40", 40, payload));
        state.streams.require("orders").rollAll();
        state.put("orders", DurableState.item("order-41", 41, payload));
    }

    /** The clock advanced, a stream disabled and re-enabled, a table deleted and re-created, an override. */
    static void writeMoreHistory(DurableState state) {
        state.clock.advance(Duration.ofMinutes(30));
        state.put("orders", DurableState.item("order-50", 50, "later"));
        state.setStream("orders", null);
        state.put("orders", DurableState.item("order-51", 51, "unstreamed"));
        state.setStream("orders", StreamViewType.KEYS_ONLY);
        state.put("orders", DurableState.item("order-52", 52, "keys only"));
        state.delete("orders", "order-9", 9);
        state.create("parcels", null);
        state.put("parcels", DurableState.item("parcel-1", 1, "first life"));
        state.tables.delete("parcels");
        state.create("parcels", StreamViewType.NEW_IMAGE);
        state.put("parcels", DurableState.item("parcel-2", 2, "second life"));
        state.streams.overridePartitions("future", 5);
    }

    private List<Path> files(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    private DurableState open() {
        return DurableState.open(Durability.inDirectory(dataDir));
    }
}
