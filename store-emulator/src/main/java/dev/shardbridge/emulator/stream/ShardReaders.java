package dev.shardbridge.emulator.stream;

import java.util.HashMap;
import java.util.Map;

/**
 * The readers of one shard. AWS throttles a shard read by more than two processes at once; here a
 * reader is an iterator chain (one GetShardIterator and the NextShardIterators that follow it), and it
 * counts as active for a short window after each GetRecords call.
 */
final class ShardReaders {
    private final Map<Long, Long> lastReadMillis = new HashMap<>();

    /**
     * Registers a read by {@code reader}; returns false (and registers nothing) when {@code limit}
     * other readers are active.
     */
    synchronized boolean tryRead(long reader, long nowMillis, long windowMillis, int limit) {
        lastReadMillis.values().removeIf(last -> nowMillis - last >= windowMillis);
        if (!lastReadMillis.containsKey(reader) && lastReadMillis.size() >= limit) {
            return false;
        }
        lastReadMillis.put(reader, nowMillis);
        return true;
    }

    synchronized int active(long nowMillis, long windowMillis) {
        lastReadMillis.values().removeIf(last -> nowMillis - last >= windowMillis);
        return lastReadMillis.size();
    }
}
