package dev.shardbridge.source.engine;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.ChangeEventFormat;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One run of Debezium's embedded engine, from start to a graceful {@link #close()}. A failure of the engine
 * (the connector or a task throwing) surfaces in the waiting test instead of as a timeout.
 */
final class EngineRun implements AutoCloseable {

    private final DebeziumEngine<?> engine;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CountDownLatch polling = new CountDownLatch(1);
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    /**
     * The engine's {@code close()} shuts its record-processing pool before it stops polling, so a batch polled
     * in between is rejected and reported as the run's error. Those records never reached the consumer and
     * their offsets were never committed, so after a requested close this is a clean stop.
     */
    private volatile boolean closing;

    private EngineRun(Properties props, DeliveredChanges consumer) {
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(props)
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void pollingStarted() {
                        polling.countDown();
                    }
                })
                .using((success, message, error) -> {
                    if (success || closing && error instanceof RejectedExecutionException) {
                        finished.complete(null);
                    } else {
                        finished.completeExceptionally(new AssertionError("The engine failed: " + message, error));
                    }
                })
                .notifying(consumer)
                .build();
    }

    /** Starts the engine and waits until its tasks poll: only then may it be closed. */
    static EngineRun start(Properties props, DeliveredChanges consumer, Duration timeout) throws Exception {
        EngineRun run = new EngineRun(props, consumer);
        run.thread.execute(run.engine);
        run.await(() -> run.polling.getCount() == 0, timeout, "the engine's tasks to start polling");
        return run;
    }

    /** Polls {@code condition} until it holds; fails at {@code timeout} or as soon as the engine fails. */
    void await(BooleanSupplier condition, Duration timeout, String what) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (finished.isDone()) {
                finished.get();
                throw new AssertionError("The engine stopped by itself while waiting for " + what);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Stops the tasks (committing the offsets of every record marked processed), then the connector. */
    @Override
    public void close() throws Exception {
        closing = true;
        try {
            engine.close();
            finished.get(30, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
    }
}
