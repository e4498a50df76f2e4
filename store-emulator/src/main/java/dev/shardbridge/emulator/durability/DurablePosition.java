package dev.shardbridge.emulator.durability;

/**
 * How far the log is on disk, for writers to wait on. The flusher advances it after each force; once
 * the log has failed it never advances again and every waiter is told so instead of waiting forever.
 */
final class DurablePosition {
    private final Object monitor = new Object();
    private volatile long position;
    private volatile Throwable failure;

    long get() {
        return position;
    }

    /** Waits until everything up to {@code target} is on disk. */
    void await(long target) {
        if (position >= target) {
            return;
        }
        synchronized (monitor) {
            while (position < target) {
                if (failure != null) {
                    throw new IllegalStateException("the durable log has failed", failure);
                }
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the durable log", e);
                }
            }
        }
    }

    void advanceTo(long target) {
        synchronized (monitor) {
            if (target > position) {
                position = target;
            }
            monitor.notifyAll();
        }
    }

    void fail(Throwable cause) {
        synchronized (monitor) {
            failure = cause;
            monitor.notifyAll();
        }
    }

    /** Why the log failed, or null while it works. */
    Throwable failure() {
        return failure;
    }
}
