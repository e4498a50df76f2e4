package dev.shardbridge.sink.config;

import java.time.Duration;

/**
 * Bounds for retrying a retriable write: at most {@code maxAttempts} tries, with exponential
 * backoff from {@code minBackoff} up to {@code maxBackoff} between them.
 */
public record RetryPolicy(int maxAttempts, Duration minBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (minBackoff.isNegative() || minBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("Backoff must satisfy 0 <= min <= max: " + minBackoff + ", " + maxBackoff);
        }
    }

    /** The backoff before retry number {@code retry} (1-based): doubling, capped at the maximum. */
    public Duration backoffBefore(int retry) {
        if (minBackoff.isZero()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        Duration backoff = minBackoff.multipliedBy(1L << doublings);
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
