package dev.shardbridge.emulator.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-partition write rate and data size, for splitting a partition automatically once it passes a
 * threshold, as DynamoDB splits hot or large partitions. Rates are counted in one-second windows.
 * Guarded by the owning {@link TableStreams}' lock.
 */
final class PartitionLoad {
    private final List<long[]> partitions = new ArrayList<>(); // {windowStartMillis, writesInWindow, bytes}

    PartitionLoad(int count) {
        for (int i = 0; i < count; i++) {
            partitions.add(new long[3]);
        }
    }

    void recordWrite(int partition, long nowMillis, long bytesDelta) {
        long[] load = partitions.get(partition);
        if (nowMillis - load[0] >= 1000) {
            load[0] = nowMillis;
            load[1] = 0;
        }
        load[1]++;
        load[2] = Math.max(0, load[2] + bytesDelta);
    }

    boolean shouldSplit(int partition, long nowMillis, StreamSettings settings) {
        long[] load = partitions.get(partition);
        boolean hot = settings.splitWritesPerSecond() > 0 && nowMillis - load[0] < 1000
                && load[1] > settings.splitWritesPerSecond();
        boolean large = settings.splitBytes() > 0 && load[2] > settings.splitBytes();
        return hot || large;
    }

    /** Recovery: {@code count} partitions with no load, before their sizes are restored. */
    void reset(int count) {
        partitions.clear();
        for (int i = 0; i < count; i++) {
            partitions.add(new long[3]);
        }
    }

    void restoreBytes(int partition, long bytes) {
        partitions.get(partition)[2] = bytes;
    }

    /** Each half starts with half the size and a fresh rate window. */
    void split(int partition) {
        long[] load = partitions.get(partition);
        long half = load[2] / 2;
        partitions.set(partition, new long[] {0, 0, load[2] - half});
        partitions.add(partition + 1, new long[] {0, 0, half});
    }
}
