package dev.shardbridge.emulator.durability;

import dev.shardbridge.emulator.http.OperationInterceptor;
import dev.shardbridge.emulator.stream.SequenceNumbers;
import dev.shardbridge.emulator.stream.StreamCatalog;
import dev.shardbridge.emulator.stream.StreamJournal;
import dev.shardbridge.emulator.stream.StreamRestorer;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableCatalog;
import dev.shardbridge.emulator.table.TableLifecycleListener;
import dev.shardbridge.emulator.time.EmulatorClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** State kept in a data directory: recovered at start, logged while running, compacted as the log grows. */
final class DataDirectoryPersistence implements Persistence {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryPersistence.class);

    private final Durability durability;
    private final EmulatorClock clock;
    private final SequenceNumbers sequences;
    private final DataDirectory directory;
    private final Journal journal;
    private LogWriter writer;
    private Compactor compactor;
    private boolean closed;

    private DataDirectoryPersistence(Durability durability, EmulatorClock clock, SequenceNumbers sequences,
                                     DataDirectory directory) {
        this.durability = durability;
        this.clock = clock;
        this.sequences = sequences;
        this.directory = directory;
        this.journal = new Journal(clock);
    }

    static DataDirectoryPersistence open(Durability durability, EmulatorClock clock, SequenceNumbers sequences) {
        try {
            return new DataDirectoryPersistence(durability, clock, sequences, DataDirectory.open(durability.dataDir()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open data directory " + durability.dataDir(), e);
        }
    }

    @Override
    public StreamJournal journal() {
        return journal;
    }

    @Override
    public TableLifecycleListener lifecycle(StreamCatalog streams) {
        return new JournaledLifecycle(streams, journal);
    }

    @Override
    public synchronized void recover(TableCatalog tables, StreamCatalog streams) {
        long started = System.nanoTime();
        try {
            StateRestorer restorer = new StateRestorer(tables, new StreamRestorer(streams));
            Recovery.Outcome outcome = new Recovery(directory, restorer).run();
            restorer.finish(sequences, clock);
            writer = LogWriter.open(directory, outcome.nextSegment(), durability.fsync(),
                    durability.fsyncInterval().toNanos());
            journal.attach(writer, liveTables(tables, streams), restorer.clockOffsetMillis());
            compactor = new Compactor(directory, writer, journal, streams, sequences, clock,
                    durability.compactAfterBytes());
            if (outcome.entries() > 0 || outcome.damaged()) {
                compactor.compact(); // the next start then loads one snapshot instead of replaying this log again
            }
            writer.onTick(() -> {
                journal.pollClock();
                compactor.compactIfDue();
            });
            LOG.info("Recovered {} tables from {} ({} log entries replayed) in {} ms; fsync {}",
                    tables.names().size(), directory.root(), outcome.entries(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), durability.fsync());
        } catch (IOException | RuntimeException e) {
            close();
            throw new IllegalStateException("cannot recover the emulator's state from " + directory.root() + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while recovering " + directory.root(), e);
        }
    }

    private static List<Journal.LiveTable> liveTables(TableCatalog tables, StreamCatalog streams) {
        List<Journal.LiveTable> live = new ArrayList<>();
        for (String name : tables.names()) {
            Table table = tables.find(name);
            live.add(new Journal.LiveTable(table.definition(), table, streams.require(name)));
        }
        return live;
    }

    LogWriter log() {
        return writer;
    }

    /** Writes a snapshot and drops the log it replaces, now, on the calling thread. */
    SnapshotWriter.Summary compactNow() throws IOException, InterruptedException {
        return compactor.compact();
    }

    @Override
    public List<OperationInterceptor> interceptors() {
        return durability.fsync() == FsyncPolicy.ALWAYS ? List.of(new DurabilityBarrier(journal)) : List.of();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (compactor != null) {
            compactor.close();
        }
        if (writer != null) {
            try {
                journal.pollClock();
            } catch (RuntimeException e) {
                LOG.warn("cannot log the clock offset at shutdown", e);
            }
            writer.close();
        }
        try {
            directory.close();
        } catch (IOException e) {
            LOG.warn("cannot release data directory {}", directory.root(), e);
        }
    }
}
