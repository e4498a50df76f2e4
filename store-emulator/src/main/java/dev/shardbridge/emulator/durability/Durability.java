package dev.shardbridge.emulator.durability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Whether and how the emulator keeps its state on disk.
 *
 * @param dataDir           the directory of the log and snapshots, or null to keep everything in memory
 * @param fsync             when the log is forced to disk
 * @param fsyncInterval     how often the log is forced under {@link FsyncPolicy#INTERVAL}
 * @param compactAfterBytes the log size past which a snapshot is written and older log segments go
 */
public record Durability(Path dataDir, FsyncPolicy fsync, Duration fsyncInterval, long compactAfterBytes) {
    public static final Duration DEFAULT_FSYNC_INTERVAL = Duration.ofMillis(100);
    /** Large enough that compaction is rare, small enough that replaying the rest takes about a second. */
    public static final long DEFAULT_COMPACT_AFTER_BYTES = 64L << 20;
    public static final long MIN_COMPACT_AFTER_BYTES = 1024;

    /** No data directory: no log, no fsync, nothing survives the process. */
    public static final Durability IN_MEMORY = new Durability(null, FsyncPolicy.INTERVAL, DEFAULT_FSYNC_INTERVAL,
            DEFAULT_COMPACT_AFTER_BYTES);

    public Durability {
        Objects.requireNonNull(fsync, "fsync");
        if (fsyncInterval == null || fsyncInterval.isNegative() || fsyncInterval.isZero()) {
            throw new IllegalArgumentException("fsync interval must be positive, was " + fsyncInterval);
        }
        if (compactAfterBytes < MIN_COMPACT_AFTER_BYTES) {
            throw new IllegalArgumentException("compaction threshold must be at least " + MIN_COMPACT_AFTER_BYTES
                    + " bytes, was " + compactAfterBytes);
        }
    }

    /** State kept in {@code dataDir}, forced to disk every {@link #DEFAULT_FSYNC_INTERVAL}. */
    public static Durability inDirectory(Path dataDir) {
        return new Durability(Objects.requireNonNull(dataDir, "dataDir"), FsyncPolicy.INTERVAL,
                DEFAULT_FSYNC_INTERVAL, DEFAULT_COMPACT_AFTER_BYTES);
    }

    public boolean inMemory() {
        return dataDir == null;
    }

    public Durability withFsync(FsyncPolicy policy) {
        return new Durability(dataDir, policy, fsyncInterval, compactAfterBytes);
    }

    public Durability withFsyncInterval(Duration interval) {
        return new Durability(dataDir, fsync, interval, compactAfterBytes);
    }

    public Durability withCompactAfterBytes(long bytes) {
        return new Durability(dataDir, fsync, fsyncInterval, bytes);
    }
}
