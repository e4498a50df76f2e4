package dev.shardbridge.emulator.durability;

import dev.shardbridge.emulator.http.OperationInterceptor;
import dev.shardbridge.emulator.stream.SequenceNumbers;
import dev.shardbridge.emulator.stream.StreamCatalog;
import dev.shardbridge.emulator.stream.StreamJournal;
import dev.shardbridge.emulator.table.TableCatalog;
import dev.shardbridge.emulator.table.TableLifecycleListener;
import dev.shardbridge.emulator.time.EmulatorClock;
import java.util.List;

/**
 * Where the emulator keeps its state: nowhere but memory, or a data directory with a log and
 * snapshots. The emulator builds its catalogs with {@link #journal()} and {@link #lifecycle}, calls
 * {@link #recover} once before serving, and installs {@link #interceptors()}.
 */
public interface Persistence extends AutoCloseable {

    /** Memory only: no journal, no interceptor, nothing on any write path. */
    Persistence IN_MEMORY = new Persistence() {
        @Override
        public StreamJournal journal() {
            return StreamJournal.NONE;
        }

        @Override
        public TableLifecycleListener lifecycle(StreamCatalog streams) {
            return streams;
        }

        @Override
        public void recover(TableCatalog tables, StreamCatalog streams) {
        }

        @Override
        public List<OperationInterceptor> interceptors() {
            return List.of();
        }

        @Override
        public void close() {
        }
    };

    /** Opens (and locks) the data directory, if any; nothing is read until {@link #recover}. */
    static Persistence open(Durability durability, EmulatorClock clock, SequenceNumbers sequences) {
        return durability.inMemory() ? IN_MEMORY : DataDirectoryPersistence.open(durability, clock, sequences);
    }

    /** The journal the stream catalog reports changes to. */
    StreamJournal journal();

    /** The table lifecycle listener the table catalog reports to, wrapping the stream catalog. */
    TableLifecycleListener lifecycle(StreamCatalog streams);

    /** Rebuilds state from disk and starts logging; called once, before the emulator serves. */
    void recover(TableCatalog tables, StreamCatalog streams);

    /** Interceptors to run around every operation (the durability barrier under fsync always). */
    List<OperationInterceptor> interceptors();

    /** Writes out and forces everything logged, and releases the data directory. */
    @Override
    void close();
}
