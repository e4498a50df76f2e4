package dev.shardbridge.emulator.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.durability.JournalEntry.PartitionsOverridden;
import dev.shardbridge.emulator.time.EmulatorClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogWriterTest {
    private static final byte[] ENTRY = frame(new PartitionsOverridden("orders", 4));

    @TempDir
    Path dataDir;

    @Test
    void underFsyncAlwaysConcurrentWritersShareForces() throws Exception {
        try (DataDirectory directory = DataDirectory.open(dataDir);
             LogWriter writer = LogWriter.open(directory, 1, FsyncPolicy.ALWAYS, 0)) {
            int threads = 8;
            int appendsEach = 300;
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                writers.add(new Thread(() -> {
                    try {
                        for (int i = 0; i < appendsEach; i++) {
                            writer.awaitDurable(writer.append(ENTRY, 0, ENTRY.length));
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                }));
            }
            writers.forEach(Thread::start);
            for (Thread thread : writers) {
                thread.join();
            }
            assertThat(failure.get()).isNull();
            assertThat(writer.syncs()).as("forces for %d acknowledged appends", threads * appendsEach)
                    .isLessThan(threads * appendsEach).isPositive();
            assertThat(Files.size(directory.segment(1))).isGreaterThanOrEqualTo((long) threads * appendsEach * ENTRY.length);
        }
    }

    @Test
    void underFsyncIntervalTheLogIsForcedAboutOncePerInterval() throws Exception {
        try (DataDirectory directory = DataDirectory.open(dataDir);
             LogWriter writer = LogWriter.open(directory, 1, FsyncPolicy.INTERVAL, TimeUnit.MILLISECONDS.toNanos(100))) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000);
            while (System.nanoTime() < end) {
                writer.append(ENTRY, 0, ENTRY.length);
                Thread.sleep(1);
            }
            assertThat(writer.syncs()).as("forces in one second at 100 ms").isBetween(3L, 15L);
        }
    }

    @Test
    void theBarrierHoldsAnOperationUntilItsEntriesAreForcedAndNoLongerThanThat() throws Exception {
        Duration interval = Duration.ofMillis(400);
        try (DataDirectory directory = DataDirectory.open(dataDir);
             LogWriter writer = LogWriter.open(directory, 1, FsyncPolicy.INTERVAL, interval.toNanos())) {
            Journal journal = new Journal(EmulatorClock.system());
            journal.attach(writer, List.of(), 0);
            DurabilityBarrier barrier = new DurabilityBarrier(journal);
            writer.syncNow();

            barrier.beforeOperation("DynamoDB_20120810.GetItem", null);
            long readStarted = System.nanoTime();
            barrier.afterOperation("DynamoDB_20120810.GetItem", null, null);
            assertThat(Duration.ofNanos(System.nanoTime() - readStarted)).as("an operation that logged nothing")
                    .isLessThan(Duration.ofMillis(50));

            barrier.beforeOperation("DynamoDB_20120810.PutItem", null);
            journal.partitionsOverridden("orders", 8);
            long syncsBefore = writer.syncs();
            long writeStarted = System.nanoTime();
            barrier.afterOperation("DynamoDB_20120810.PutItem", null, null);
            assertThat(writer.syncs()).as("answered only after a force").isGreaterThan(syncsBefore);
            assertThat(Duration.ofNanos(System.nanoTime() - writeStarted)).isLessThanOrEqualTo(interval.multipliedBy(3));
        }
    }

    @Test
    void aRotationPutsEarlierEntriesInTheOldSegmentAndLaterOnesInTheNew() throws Exception {
        try (DataDirectory directory = DataDirectory.open(dataDir);
             LogWriter writer = LogWriter.open(directory, 1, FsyncPolicy.INTERVAL, TimeUnit.SECONDS.toNanos(10))) {
            writer.append(ENTRY, 0, ENTRY.length);
            assertThat(writer.rotate()).isEqualTo(2);
            writer.append(ENTRY, 0, ENTRY.length);
            writer.append(ENTRY, 0, ENTRY.length);
            writer.syncNow();
            assertThat(entries(directory.segment(1))).hasSize(2); // opening + one
            assertThat(entries(directory.segment(2))).hasSize(3); // opening + two
        }
    }

    private static List<JournalEntry> entries(Path segment) throws Exception {
        List<JournalEntry> entries = new ArrayList<>();
        try (FrameReader frames = FrameReader.open(segment)) {
            byte[] payload;
            while ((payload = frames.next()) != null) {
                entries.add(EntryCodec.decode(payload));
            }
        }
        return entries;
    }

    private static byte[] frame(JournalEntry entry) {
        FrameBuffer buffer = new FrameBuffer(64);
        EntryCodec.encode(entry, buffer);
        return Arrays.copyOf(buffer.array(), buffer.size());
    }
}
