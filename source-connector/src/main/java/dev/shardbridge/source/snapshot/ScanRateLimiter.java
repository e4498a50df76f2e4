package dev.shardbridge.source.snapshot;

import java.util.concurrent.TimeUnit;

/**
 * The scan rate cap of one table, shared by its segment threads: a token bucket refilled at the cap per second
 * and holding at most one second's worth, so a pause cannot be made up with a burst. A thread takes tokens for
 * the page it is about to request (Scan's Limit) and gives back what the page did not use.
 */
final class ScanRateLimiter {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    ScanRateLimiter(long itemsPerSecond) {
        if (itemsPerSecond < 1) {
            throw new IllegalArgumentException("A rate cap must be at least one item per second, got " + itemsPerSecond);
        }
        this.perNano = itemsPerSecond / 1e9;
        this.capacity = itemsPerSecond;
        this.refilledAt = System.nanoTime();
    }

    /** Waits for at least one token, then takes up to {@code wanted}; returns how many were taken. */
    synchronized int take(int wanted) throws InterruptedException {
        while (true) {
            refill();
            if (tokens >= 1) {
                int taken = (int) Math.min(wanted, Math.floor(tokens));
                tokens -= taken;
                return taken;
            }
            long waitNanos = (long) Math.ceil((1 - tokens) / perNano);
            TimeUnit.NANOSECONDS.timedWait(this, Math.max(waitNanos, 1_000_000));
        }
    }

    /** Returns tokens a page did not use. */
    synchronized void giveBack(int unused) {
        if (unused > 0) {
            tokens = Math.min(capacity, tokens + unused);
            notifyAll();
        }
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
    }
}
