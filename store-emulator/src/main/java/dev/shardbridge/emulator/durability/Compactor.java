package dev.shardbridge.emulator.durability;

import dev.shardbridge.emulator.stream.SequenceNumbers;
import dev.shardbridge.emulator.stream.StreamCatalog;
import dev.shardbridge.emulator.stream.TableStream;
import dev.shardbridge.emulator.time.EmulatorClock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps restart time bounded: once the current log segment passes the threshold it starts a new
 * segment, writes a snapshot of all state (see {@link SnapshotWriter}), forces the log, publishes the
 * snapshot and deletes the segments and snapshots it replaces. Runs on its own thread while writes go
 * on, one compaction at a time.
 */
final class Compactor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Compactor.class);

    private final DataDirectory directory;
    private final LogWriter writer;
    private final Journal journal;
    private final StreamCatalog streams;
    private final SequenceNumbers sequences;
    private final EmulatorClock clock;
    private final long thresholdBytes;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "emulator-log-compactor");
        thread.setDaemon(true);
        return thread;
    });

    Compactor(DataDirectory directory, LogWriter writer, Journal journal, StreamCatalog streams,
              SequenceNumbers sequences, EmulatorClock clock, long thresholdBytes) {
        this.directory = directory;
        this.writer = writer;
        this.journal = journal;
        this.streams = streams;
        this.sequences = sequences;
        this.clock = clock;
        this.thresholdBytes = thresholdBytes;
    }

    /** Starts a compaction in the background if the segment is past the threshold and none is running. */
    void compactIfDue() {
        if (writer.segmentBytes() >= thresholdBytes && !executor.isShutdown() && running.compareAndSet(false, true)) {
            executor.execute(() -> {
                try {
                    compact();
                } catch (Exception e) {
                    LOG.warn("Log compaction failed; the log keeps growing until the next attempt", e);
                } finally {
                    running.set(false);
                }
            });
        }
    }

    /** Compacts now, on the calling thread; compactions never overlap. */
    synchronized SnapshotWriter.Summary compact() throws IOException, InterruptedException {
        long started = System.nanoTime();
        long replayFrom = writer.rotate();
        Path temporary = directory.temporarySnapshot(replayFrom);
        SnapshotWriter.Summary summary = SnapshotWriter.write(temporary, replayFrom, journal, streams, sequences, clock);
        // The snapshot may hold changes whose entries are still buffered: they go to disk before it counts.
        writer.syncNow();
        directory.publishSnapshot(temporary, replayFrom);
        directory.deleteBefore(replayFrom);
        Set<String> streamArns = new HashSet<>();
        for (TableStream stream : streams.registry().list(null, null)) {
            streamArns.add(stream.arn());
        }
        journal.retainOwners(streamArns);
        LOG.info("Compacted the log into snapshot {} ({} tables, {} items, {} stream records, {} bytes) in {} ms",
                directory.snapshot(replayFrom).getFileName(), summary.tables(), summary.items(), summary.records(),
                summary.bytes(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return summary;
    }

    /** Lets a running compaction finish (an unfinished one would only leave a temporary file). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
