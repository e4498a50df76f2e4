package dev.shardbridge.emulator.stream;

import java.time.Duration;

/**
 * The stream behaviour of an emulator, AWS's values by default.
 *
 * @param defaultPartitions   hash partitions (and so open shards) of a new table
 * @param rolloverPeriod      how long a shard stays open before it closes and continues in a child
 * @param retention           how long records stay readable
 * @param maxReadersPerShard  distinct readers of one shard allowed within {@code readerWindow}
 * @param readerWindow        how long a reader counts as active after its last GetRecords call
 * @param iteratorLifetime    how long a shard iterator stays valid
 * @param splitWritesPerSecond a partition splits when its write rate passes this (0: never)
 * @param splitBytes           a partition splits when its items pass this size (0: never)
 */
public record StreamSettings(int defaultPartitions, Duration rolloverPeriod, Duration retention,
                             int maxReadersPerShard, Duration readerWindow, Duration iteratorLifetime,
                             long splitWritesPerSecond, long splitBytes) {

    public static final StreamSettings AWS = new StreamSettings(4, Duration.ofHours(4), Duration.ofHours(24), 2,
            Duration.ofSeconds(1), Duration.ofMinutes(15), 0, 0);

    public StreamSettings {
        if (defaultPartitions < 1 || defaultPartitions > 1024) {
            throw new IllegalArgumentException("partitions must be 1..1024, was " + defaultPartitions);
        }
        if (maxReadersPerShard < 1) {
            throw new IllegalArgumentException("max readers per shard must be at least 1");
        }
        requirePositive(rolloverPeriod, "rollover period");
        requirePositive(retention, "retention");
        requirePositive(readerWindow, "reader window");
        requirePositive(iteratorLifetime, "iterator lifetime");
        if (splitWritesPerSecond < 0 || splitBytes < 0) {
            throw new IllegalArgumentException("split thresholds must not be negative");
        }
    }

    public StreamSettings withDefaultPartitions(int partitions) {
        return new StreamSettings(partitions, rolloverPeriod, retention, maxReadersPerShard, readerWindow,
                iteratorLifetime, splitWritesPerSecond, splitBytes);
    }

    public StreamSettings withRolloverPeriod(Duration period) {
        return new StreamSettings(defaultPartitions, period, retention, maxReadersPerShard, readerWindow,
                iteratorLifetime, splitWritesPerSecond, splitBytes);
    }

    public StreamSettings withRetention(Duration newRetention) {
        return new StreamSettings(defaultPartitions, rolloverPeriod, newRetention, maxReadersPerShard, readerWindow,
                iteratorLifetime, splitWritesPerSecond, splitBytes);
    }

    public StreamSettings withMaxReadersPerShard(int readers) {
        return new StreamSettings(defaultPartitions, rolloverPeriod, retention, readers, readerWindow,
                iteratorLifetime, splitWritesPerSecond, splitBytes);
    }

    public StreamSettings withSplitThresholds(long writesPerSecond, long bytes) {
        return new StreamSettings(defaultPartitions, rolloverPeriod, retention, maxReadersPerShard, readerWindow,
                iteratorLifetime, writesPerSecond, bytes);
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
    }
}
