package dev.shardbridge.emulator.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's clock: real time plus an offset that tests and demos can advance, so that retention,
 * iterator expiry and shard rollover can be exercised in milliseconds. It never goes backwards.
 */
public final class EmulatorClock extends Clock {
    private final Clock base;
    private final AtomicLong offsetMillis = new AtomicLong();

    public EmulatorClock(Clock base) {
        this.base = base;
    }

    public static EmulatorClock system() {
        return new EmulatorClock(Clock.systemUTC());
    }

    /** Moves the clock forward; negative durations are refused because time must not run backwards. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the emulator clock only moves forward, not by " + duration);
        }
        offsetMillis.addAndGet(duration.toMillis());
    }

    /** How far the clock has been advanced beyond real time. */
    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    @Override
    public long millis() {
        return base.millis() + offsetMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the emulator clock is always UTC");
    }
}
