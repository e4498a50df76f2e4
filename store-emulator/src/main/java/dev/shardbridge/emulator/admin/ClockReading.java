package dev.shardbridge.emulator.admin;

import java.time.Duration;
import java.time.Instant;

/**
 * The emulator clock at one moment.
 *
 * @param now    the emulator's time
 * @param offset how far it has been advanced beyond real time
 */
public record ClockReading(Instant now, Duration offset) {
}
