package dev.shardbridge.quickstart;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Samples the pipeline twice a second and redraws one line on the terminal (carriage return, no newline),
 * so a run shows written, captured and replicated records and each consumer group's lag as they move.
 */
final class ProgressMonitor implements AutoCloseable {
    private static final Duration INTERVAL = Duration.ofMillis(500);

    private final PipelineOffsets offsets;
    private final WorkloadCounts counts;
    private final long records;
    private final boolean tombstones;
    private final String sinkGroup;
    private final Instant start;
    private final PrintStream out;
    private final AtomicReference<Progress> latest = new AtomicReference<>();
    private final Thread thread = new Thread(this::sampleUntilClosed, "quickstart-progress");
    private volatile boolean running = true;
    private int lastLineLength;

    ProgressMonitor(PipelineOffsets offsets, WorkloadCounts counts, long records, boolean tombstones, String sinkGroup,
                    Instant start, PrintStream out) {
        this.offsets = offsets;
        this.counts = counts;
        this.records = records;
        this.tombstones = tombstones;
        this.sinkGroup = sinkGroup;
        this.start = start;
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
            if (progress != null && progress.caughtUp() && progress.written() == counts.written()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    Progress latest() {
        return latest.get();
    }

    private void sampleUntilClosed() {
        try {
            while (running) {
                Progress progress = sample();
                latest.set(progress);
                redraw(progress.line());
                Thread.sleep(INTERVAL.toMillis());
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException brokerGone) {
            // The stack is stopping underneath the monitor; the last line stays as it was.
        }
    }

    private Progress sample() throws InterruptedException {
        long written = counts.written();
        long expected = counts.expectedKafkaRecords(tombstones);
        long inKafka = offsets.topicEnd();
        return new Progress(written, records, expected, inKafka, offsets.committed(sinkGroup),
                offsets.committed(AggregatorReader.GROUP), offsets.committed(TablestoreTriggerReader.GROUP),
                Duration.between(start, Instant.now()));
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
