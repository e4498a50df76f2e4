package dev.shardbridge.quickstart;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Samples the pipeline twice a second and redraws one line on the terminal (carriage return, no newline),
 * so a run shows the snapshot, written, captured and replicated records and each consumer group's lag as they
 * move. The snapshot's end gets a line of its own, which stays on the terminal.
 */
final class ProgressMonitor implements AutoCloseable {
    private static final Duration INTERVAL = Duration.ofMillis(500);

    /** When the snapshot was first seen done, and how many writes had raced it by then. */
    record SnapshotCompletion(Duration elapsed, long writesBefore) {
    }

    private final PipelineSampler sampler;
    private final PrintStream out;
    private final AtomicReference<Progress> latest = new AtomicReference<>();
    private volatile SnapshotCompletion snapshotCompletion;
    private final Thread thread = new Thread(this::sampleUntilClosed, "quickstart-progress");
    private volatile boolean running = true;
    private int lastLineLength;

    ProgressMonitor(PipelineSampler sampler, PrintStream out) {
        this.sampler = sampler;
        this.out = out;
        thread.setDaemon(true);
    }

    ProgressMonitor start() {
        thread.start();
        return this;
    }

    /** Waits until every stage has caught up with the workload; false when {@code timeout} passed first. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Progress progress = latest.get();
            if (progress != null && progress.caughtUp() && progress.written() == sampler.counts().written()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    Progress latest() {
        return latest.get();
    }

    /** The snapshot's end as the progress line saw it; empty while it runs, or when the source takes none. */
    Optional<SnapshotCompletion> snapshotCompletion() {
        return Optional.ofNullable(snapshotCompletion);
    }

    private void sampleUntilClosed() {
        try {
            while (running) {
                Progress progress = sampler.sample();
                latest.set(progress);
                noteSnapshotEnd(progress);
                redraw(progress.line());
                Thread.sleep(INTERVAL.toMillis());
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException brokerGone) {
            // The stack is stopping underneath the monitor; the last line stays as it was.
        }
    }

    private void noteSnapshotEnd(Progress progress) {
        SnapshotProgress snapshot = progress.snapshot();
        if (snapshotCompletion != null || !snapshot.required() || !snapshot.done()) {
            return;
        }
        snapshotCompletion = new SnapshotCompletion(progress.elapsed(), progress.written());
        redraw(String.format("Snapshot done at %ds: %,d items scanned in %d segments, %,d writes so far",
                progress.elapsed().toSeconds(), snapshot.itemsScanned(), snapshot.segmentsTotal(),
                progress.written()));
        out.println();
        lastLineLength = 0;
    }

    private synchronized void redraw(String line) {
        out.print("\r" + line + " ".repeat(Math.max(0, lastLineLength - line.length())));
        out.flush();
        lastLineLength = line.length();
    }

    /** Stops sampling and ends the line, so what follows starts on a fresh one. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println();
    }
}
