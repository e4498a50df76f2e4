package dev.shardbridge.emulator.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.stream.EventName;
import dev.shardbridge.emulator.table.StoredItem;
import dev.shardbridge.emulator.table.StreamViewType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a power cut right after a compaction leaves: published snapshots and only the forced part of
 * the log. Writers keep going while snapshots are taken (fuzzy), and the log is forced by nothing but
 * the compactions themselves. Whatever survives must be consistent: each item is what its last stream
 * record says, which fails if a snapshot were published holding changes the forced log lacks.
 */
class PowerCutTest {

    @TempDir
    Path work;

    @Test
    void anImageOfTheForcedFilesAfterEachFuzzyCompactionIsConsistent() throws Exception {
        Path dataDir = work.resolve("live");
        Durability forcedOnlyByCompaction = Durability.inDirectory(dataDir).withFsyncInterval(Duration.ofHours(1));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (DurableState state = DurableState.open(forcedOnlyByCompaction)) {
            state.create("orders", StreamViewType.NEW_AND_OLD_IMAGES);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                writers.add(new Thread(() -> {
                    try {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        for (long version = 0; running.get(); version++) {
                            int key = random.nextInt(30);
                            if (random.nextInt(10) == 0) {
                                state.delete("orders", "key-" + key, key);
                            } else {
                                state.put("orders", DurableState.item("key-" + key, key, Long.toString(version)));
                            }
                            LockSupport.parkNanos(50_000);
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            writers.forEach(Thread::start);
            try {
                for (int cut = 0; cut < 8; cut++) {
                    Thread.sleep(60);
                    state.persistence.compactNow();
                    Path image = powerCutImage(dataDir, state.persistence.log(), work.resolve("cut-" + cut));
                    try (DurableState recovered = DurableState.open(Durability.inDirectory(image))) {
                        assertItemsMatchTheirLastRecords(recovered, cut);
                    }
                }
            } finally {
                running.set(false);
                for (Thread writer : writers) {
                    writer.join();
                }
            }
        }
        assertThat(failure.get()).isNull();
    }

    /** Copies what is on disk: published snapshots, earlier segments whole, the current one up to its last force. */
    private static Path powerCutImage(Path dataDir, LogWriter log, Path image) throws IOException {
        Files.createDirectories(image);
        long current = log.segment();
        long forced = log.durableSegmentBytes();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dataDir)) {
            files = listing.toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.startsWith("snapshot-") && name.endsWith(".cbor")) {
                Files.copy(file, image.resolve(name));
            } else if (name.startsWith("wal-") && name.endsWith(".log")) {
                long number = Long.parseLong(name.replaceAll("\\D", ""));
                if (number < current) {
                    Files.copy(file, image.resolve(name));
                } else if (number == current) {
                    copyPrefix(file, image.resolve(name), forced);
                }
            }
        }
        return image;
    }

    private static void copyPrefix(Path from, Path to, long length) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            in.transferTo(0, length, out);
        }
    }

    private static void assertItemsMatchTheirLastRecords(DurableState recovered, int cut) {
        DurableState.View view = recovered.view();
        Map<String, DurableState.RecordFields> lastRecords = new HashMap<>();
        view.records().values().forEach(records -> records.forEach(record ->
                lastRecords.merge(((AttributeValue.StringValue) record.keys().get("pk")).value(), record,
                        (older, newer) -> newer.sequence() > older.sequence() ? newer : older)));
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        for (StoredItem item : view.tables().get("orders").items().values()) {
            items.put(((AttributeValue.StringValue) item.attributes().get("pk")).value(), item.attributes());
        }
        for (int key = 0; key < 30; key++) {
            String pk = "key-" + key;
            DurableState.RecordFields last = lastRecords.get(pk);
            Map<String, AttributeValue> expected = last == null || last.eventName() == EventName.REMOVE ? null
                    : last.newImage();
            assertThat(items.get(pk)).as("cut %d: item %s against its last record", cut, pk).isEqualTo(expected);
        }
    }
}
