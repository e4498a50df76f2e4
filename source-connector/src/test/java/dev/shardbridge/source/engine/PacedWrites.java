package dev.shardbridge.source.engine;

import dev.shardbridge.source.cluster.KeyedWrites;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link KeyedWrites} workload on a background thread at a steady pace, changing the stream's shard
 * topology (a split, a rollover) at fixed write counts, so a reader can be stopped and restarted while the
 * table is written and its shards change.
 */
final class PacedWrites implements AutoCloseable {

    /** A change of the table's shards, made after {@code afterWrites} writes. */
    record TopologyChange(int afterWrites, String description, Runnable action) {
    }

    private final KeyedWrites writes;
    private final int total;
    private final List<TopologyChange> changes;
    private final AtomicInteger changesMade = new AtomicInteger();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private CompletableFuture<Void> done;

    PacedWrites(KeyedWrites writes, int total, List<TopologyChange> changes) {
        this.writes = writes;
        this.total = total;
        this.changes = List.copyOf(changes);
    }

    void start() {
        done = CompletableFuture.runAsync(() -> {
            int next = 0;
            for (int i = 0; i < total; i++) {
                while (next < changes.size() && changes.get(next).afterWrites() == i) {
                    changes.get(next).action().run();
                    changesMade.incrementAndGet();
                    next++;
                }
                writes.next();
                pause();
            }
        }, thread);
    }

    /**
     * A lower bound of the changes a reader that discovered the shards now can read without another discovery:
     * all writes made before the next topology change (which closes shards and opens ones it cannot know).
     */
    int readableWithoutRediscovery() {
        int made = changesMade.get();
        return made < changes.size() ? changes.get(made).afterWrites() : total;
    }

    CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** About 400 writes a second: slow enough that engine runs start and stop in the middle of the workload. */
    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
