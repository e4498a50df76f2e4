package dev.shardbridge.source.read;

import dev.shardbridge.source.config.IdleBackoff;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * How long one shard's reader waits before its next GetRecords call. A page with records is followed at
 * once, since more are likely waiting; quiet shards back off from the idle minimum towards the maximum, so
 * many idle shards cost little; throttles back off exponentially with full jitter, so readers that were
 * throttled together do not retry together. One instance per shard, not thread-safe.
 */
public final class PollPacing {

    /** First throttle backoff, and the cap doubling stops at. */
    static final Duration THROTTLE_BASE = Duration.ofMillis(100);
    static final Duration THROTTLE_CAP = Duration.ofSeconds(10);

    private final IdleBackoff idle;
    /** Given an exclusive bound n > 0, a uniformly chosen value in [0, n); injectable for tests. */
    private final LongUnaryOperator jitter;
    private Duration idleDelay = Duration.ZERO;
    private int consecutiveThrottles;

    public PollPacing(IdleBackoff idle, LongUnaryOperator jitter) {
        this.idle = idle;
        this.jitter = jitter;
    }

    public Duration afterRecords() {
        idleDelay = Duration.ZERO;
        consecutiveThrottles = 0;
        return Duration.ZERO;
    }

    public Duration afterEmptyPage() {
        consecutiveThrottles = 0;
        idleDelay = idleDelay.isZero() ? idle.min() : min(idleDelay.multipliedBy(2), idle.max());
        if (idleDelay.isZero()) {
            // A zero minimum would never grow by doubling; step to one millisecond instead.
            idleDelay = min(Duration.ofMillis(1), idle.max());
        }
        return idleDelay;
    }

    public Duration afterThrottle() {
        int exponent = Math.min(consecutiveThrottles++, 20);
        Duration ceiling = min(THROTTLE_BASE.multipliedBy(1L << exponent), THROTTLE_CAP);
        return Duration.ofMillis(jitter.applyAsLong(ceiling.toMillis() + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
