package dev.shardbridge.emulator.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write side of the durable log. Writers copy framed entries into a shared buffer under a short
 * lock and get back the log position after their entry. One flusher thread writes the buffer to the
 * current segment and forces it to disk for every waiting writer at once (group commit): under
 * {@link FsyncPolicy#ALWAYS} as soon as anything is buffered, under {@link FsyncPolicy#INTERVAL} once
 * per interval. Positions count bytes appended since this writer opened; they are only compared.
 * Rotation (a new segment for compaction) happens between two batches, on the flusher thread.
 */
final class LogWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
    /** Under INTERVAL a buffer this full is written out early, so memory stays bounded. */
    private static final int EARLY_WRITE_BYTES = 8 << 20;
    /** The flusher wakes at least this often: to run its tick and, under INTERVAL, to hand data to the OS. */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final DataDirectory directory;
    private final FsyncPolicy policy;
    private final long intervalNanos;
    private final Thread flusher;
    private final DurablePosition durable = new DurablePosition();
    private volatile Runnable tick = () -> { };

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Condition rotated = lock.newCondition();
    private FrameBuffer pending = new FrameBuffer(1 << 20);
    private FrameBuffer draining = new FrameBuffer(1 << 20);
    private long appended;
    private boolean flusherWaiting;
    private boolean rotationRequested;
    private boolean syncRequested;
    private boolean closing;
    private long rotations;

    // Written by the flusher thread (and by the opener before it starts).
    private volatile SegmentFile segment;
    private volatile long syncs;
    private long lastSyncNanos = System.nanoTime();

    private LogWriter(DataDirectory directory, FsyncPolicy policy, long intervalNanos) {
        this.directory = directory;
        this.policy = policy;
        this.intervalNanos = intervalNanos;
        this.flusher = new Thread(this::flushUntilClosed, "emulator-log-flusher");
        this.flusher.setDaemon(true);
    }

    /** Opens a new segment numbered {@code firstSegment} and starts flushing. */
    static LogWriter open(DataDirectory directory, long firstSegment, FsyncPolicy policy, long intervalNanos)
            throws IOException {
        LogWriter writer = new LogWriter(directory, policy, intervalNanos);
        writer.segment = SegmentFile.create(directory, firstSegment);
        writer.flusher.start();
        return writer;
    }

    /** Runs after every flush and idle wake-up, on the flusher thread; it may append but must not wait. */
    void onTick(Runnable action) {
        this.tick = action;
    }

    /** Appends framed bytes; returns the log position after them. Fails once the log has failed. */
    long append(byte[] frames, int offset, int length) {
        lock.lock();
        try {
            Throwable failure = durable.failure();
            if (failure != null) {
                throw new UncheckedIOException("the durable log has failed; no more writes are accepted",
                        failure instanceof IOException io ? io : new IOException(failure));
            }
            if (closing) {
                throw new IllegalStateException("the durable log is closed");
            }
            pending.write(frames, offset, length);
            appended += length;
            if (flusherWaiting && (policy == FsyncPolicy.ALWAYS || pending.size() >= EARLY_WRITE_BYTES)) {
                wake.signal();
            }
            return appended;
        } finally {
            lock.unlock();
        }
    }

    /** The position after the last appended entry. */
    long appendedPosition() {
        lock.lock();
        try {
            return appended;
        } finally {
            lock.unlock();
        }
    }

    /** The position up to which everything is on disk. */
    long durablePosition() {
        return durable.get();
    }

    /** Waits until everything up to {@code position} is on disk. */
    void awaitDurable(long position) {
        durable.await(position);
    }

    /** Forces everything appended so far to disk now, whatever the policy, and waits for it. */
    void syncNow() {
        long target;
        lock.lock();
        try {
            target = appended;
            syncRequested = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
        durable.await(target);
    }

    /**
     * Ends the current segment (forced and closed) and starts the next; entries appended before this
     * call are in the old segment, later ones in the new. Returns the new segment's number.
     */
    long rotate() throws InterruptedException {
        lock.lock();
        try {
            long target = rotations + 1;
            rotationRequested = true;
            wake.signal();
            while (rotations < target) {
                if (durable.failure() != null) {
                    throw new IllegalStateException("the durable log has failed", durable.failure());
                }
                if (!flusher.isAlive()) {
                    throw new IllegalStateException("the durable log is closed");
                }
                rotated.await(100, TimeUnit.MILLISECONDS);
            }
            return segment.number();
        } finally {
            lock.unlock();
        }
    }

    /** The number of the segment being written. */
    long segment() {
        return segment.number();
    }

    /** Bytes in the current segment, for the compaction threshold. */
    long segmentBytes() {
        return segment.bytes();
    }

    /** How much of the current segment is on disk: what a power cut would leave of it. */
    long durableSegmentBytes() {
        return segment.forcedBytes();
    }

    /** How many times the log was forced to disk: far fewer than writes under load, thanks to group commit. */
    long syncs() {
        return syncs;
    }

    private void flushUntilClosed() {
        try {
            while (!flushOnce()) {
                runTick();
            }
        } catch (Throwable e) {
            fail(e);
        }
    }

    private void runTick() {
        try {
            tick.run();
        } catch (RuntimeException e) {
            if (!isClosing()) { // while closing, housekeeping racing the close may find the log closed
                LOG.warn("durable log housekeeping failed; retrying on the next tick", e);
            }
        }
    }

    /**
     * Waits for work, hands what is buffered to the OS, forces it if due; returns true once closed.
     * Under INTERVAL data reaches the OS on every tick (a killed process loses at most a tick) and the
     * disk once per interval (a power cut loses at most an interval).
     */
    private boolean flushOnce() throws IOException, InterruptedException {
        boolean rotate;
        boolean sync;
        boolean close;
        long batchEnd;
        FrameBuffer batch;
        lock.lock();
        try {
            long wait = waitNanos();
            if (wait > 0 && !rotationRequested && !syncRequested && !closing) {
                flusherWaiting = true;
                try {
                    wake.awaitNanos(wait);
                } finally {
                    flusherWaiting = false;
                }
            }
            batch = pending;
            pending = draining;
            draining = batch;
            batchEnd = appended;
            rotate = rotationRequested;
            sync = syncRequested;
            close = closing;
            rotationRequested = false;
            syncRequested = false;
        } finally {
            lock.unlock();
        }
        segment.write(batch);
        batch.clear();
        long now = System.nanoTime();
        boolean due = policy == FsyncPolicy.ALWAYS || rotate || sync || close || now - lastSyncNanos >= intervalNanos;
        if (due) {
            if (batchEnd > durable.get()) {
                segment.force();
                syncs++;
            }
            lastSyncNanos = now;
            durable.advanceTo(batchEnd);
        }
        if (rotate) {
            segment.close();
            segment = SegmentFile.create(directory, segment.number() + 1);
            lock.lock();
            try {
                rotations++;
                rotated.signalAll();
            } finally {
                lock.unlock();
            }
        }
        if (close) {
            segment.close();
        }
        return close;
    }

    /** How long the flusher may sleep; called under the lock. */
    private long waitNanos() {
        if (policy == FsyncPolicy.ALWAYS) {
            return pending.size() > 0 ? 0 : TICK_NANOS;
        }
        if (pending.size() >= EARLY_WRITE_BYTES) {
            return 0;
        }
        return Math.min(TICK_NANOS, Math.max(0, lastSyncNanos + intervalNanos - System.nanoTime()));
    }

    private boolean isClosing() {
        lock.lock();
        try {
            return closing;
        } finally {
            lock.unlock();
        }
    }

    private void fail(Throwable e) {
        LOG.error("The durable log failed; from now on writes are refused and nothing more is logged", e);
        durable.fail(e);
        lock.lock();
        try {
            rotated.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            segment.close();
        } catch (IOException ignored) {
            // already failing; the first error is the one reported
        }
    }

    /** Writes and forces everything appended, closes the segment and stops the flusher. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
        try {
            flusher.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
