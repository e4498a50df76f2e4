package dev.shardbridge.emulator.durability;

import java.util.Locale;

/** When the durable log is forced to disk, and so what a crash can take back. */
public enum FsyncPolicy {
    /** An operation is answered only once its log entries are on disk; nothing acknowledged is lost. */
    ALWAYS,
    /** The log is written and forced once per interval; a crash loses at most the last interval. */
    INTERVAL;

    /** Parses the command-line spelling, {@code always} or {@code interval}. */
    public static FsyncPolicy parse(String text) {
        for (FsyncPolicy policy : values()) {
            if (policy.name().equalsIgnoreCase(text)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("fsync policy must be 'always' or 'interval', was '" + text + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
