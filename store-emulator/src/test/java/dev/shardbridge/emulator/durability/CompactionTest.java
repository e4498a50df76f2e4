package dev.shardbridge.emulator.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.stream.StreamSettings;
import dev.shardbridge.emulator.table.StreamViewType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a small threshold the log is compacted over and over while writers, splits and rollovers go
 * on; what is left on disk stays small, and a restart restores exactly the state at shutdown.
 */
class CompactionTest {
    private static final long THRESHOLD = 64 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void theLogIsCompactedWhileWritesGoOnAndARestartRestoresEverything() throws Exception {
        Durability durability = Durability.inDirectory(dataDir).withCompactAfterBytes(THRESHOLD);
        // Records age out quickly, so the live state (and each snapshot) stays small while the log churns.
        // Time moves only when the test moves it: trimming is not logged but redone on the next stream read,
        // so the states compared after the restart are both trimmed at the same instant.
        StreamSettings settings = StreamSettings.AWS.withRetention(Duration.ofMillis(100));
        Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        DurableState.View atShutdown;
        long written;
        try (DurableState state = DurableState.open(durability, settings, frozen)) {
            state.create("orders", StreamViewType.NEW_AND_OLD_IMAGES);
            state.create("quiet", null);
            state.put("quiet", DurableState.item("only", 1, "written before all compactions"));
            written = hammer(state, 2000);
            state.streams.maintainNow();
            atShutdown = state.view();
        }
        assertThat(written).as("log bytes written").isGreaterThan(20 * THRESHOLD);
        assertThat(files("snapshot-")).hasSize(1);
        long snapshotNumber = number(files("snapshot-").get(0));
        assertThat(snapshotNumber).as("compactions (each starts a segment)").isGreaterThanOrEqualTo(3);
        assertThat(files("wal-")).allSatisfy(segment -> assertThat(number(segment)).isGreaterThanOrEqualTo(snapshotNumber));
        long logLeft = 0;
        for (Path segment : files("wal-")) {
            logLeft += Files.size(segment);
        }
        // A restart replays what was logged during the last compaction and after it: about one snapshot's
        // worth at most, never the history.
        long snapshotBytes = Files.size(files("snapshot-").get(0));
        assertThat(logLeft).as("log bytes a restart replays; files %s", listing())
                .isLessThanOrEqualTo(snapshotBytes + 4 * THRESHOLD);
        assertThat(snapshotBytes + logLeft).as("bytes a restart reads; %d written", written).isLessThan(written / 4);

        long started = System.nanoTime();
        try (DurableState state = DurableState.open(durability, settings, frozen)) {
            assertThat((System.nanoTime() - started) / 1_000_000).as("restart millis").isLessThan(10_000);
            state.streams.maintainNow();
            assertThat(state.view()).isEqualTo(atShutdown);
        }
    }

    /** Writers, deleters, splits and rollovers for {@code millis}; returns the log bytes written (about). */
    private static long hammer(DurableState state, long millis) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong bytes = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int writer = t;
            threads.add(new Thread(() -> {
                try {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (long i = 0; running.get(); i++) {
                        int key = random.nextInt(400);
                        if (i % 7 == 0) {
                            state.delete("orders", "key-" + key, key);
                        } else {
                            state.put("orders", DurableState.item("key-" + key, key, "w" + writer + "-" + i + "-"
                                    + "x".repeat(200)));
                            bytes.addAndGet(700);
                        }
                        LockSupport.parkNanos(100_000); // about the pace of writes over HTTP

                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        threads.add(new Thread(() -> {
            try {
                for (int i = 0; running.get(); i++) {
                    Thread.sleep(50);
                    state.clock.advance(Duration.ofMillis(50));
                    state.streams.maintainNow();
                    if (i % 4 == 0) {
                        state.streams.require("orders").split(0);
                    } else if (i % 4 == 2) {
                        state.streams.require("orders").rollAll();
                    }
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }));
        threads.forEach(Thread::start);
        Thread.sleep(millis);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failure.get()).isNull();
        return bytes.get();
    }

    private List<Path> files(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    private String listing() throws IOException {
        StringBuilder listing = new StringBuilder();
        for (Path file : files("")) {
            listing.append(file.getFileName()).append('=').append(Files.size(file)).append(' ');
        }
        return listing.toString();
    }

    private static long number(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.replaceAll("\\D", ""));
    }
}
