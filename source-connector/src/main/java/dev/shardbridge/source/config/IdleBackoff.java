package dev.shardbridge.source.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of the pause between empty GetRecords calls on one shard. The pause starts at {@code min} and
 * grows towards {@code max} while a shard stays quiet, so idle shards cost little and busy ones no latency.
 */
public record IdleBackoff(Duration min, Duration max) {

    public IdleBackoff {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min " + min + " exceeds max " + max);
        }
    }
}
