package dev.shardbridge.sink.write;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The task's write threads: one per allowed in-flight request, so at most that many requests are
 * outstanding, and a write waiting out a throttling backoff holds up only its own item while the
 * other threads go on with theirs.
 */
final class WriterThreads implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService executor;

    WriterThreads(int threads) {
        int pool = POOLS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread t = new Thread(runnable, "shardbridge-sink-writer-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    /** Runs every job concurrently and returns their results in order once all have finished. */
    <T> List<T> runAll(List<Supplier<T>> jobs) {
        List<CompletableFuture<T>> futures = jobs.stream().map(job -> CompletableFuture.supplyAsync(job, executor)).toList();
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // Wait for the rest too: the put must not return while writes of its records are still running.
            futures.forEach(future -> future.exceptionally(ignored -> null).join());
            throw e.getCause() instanceof ConnectException connect ? connect : new ConnectException(e.getCause());
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
