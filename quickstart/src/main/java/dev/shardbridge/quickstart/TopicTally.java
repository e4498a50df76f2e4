package dev.shardbridge.quickstart;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The change topic's records by kind, as one consumer group read them: snapshot reads ({@code op=r}), changes
 * from the stream ({@code c}, {@code u}, {@code d}) and tombstones. Written by the reader's thread, read by the
 * progress line's.
 */
final class TopicTally {
    private final AtomicLong snapshotReads = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong tombstones = new AtomicLong();

    void change(ScanChange change) {
        (change.snapshotRead() ? snapshotReads : changes).incrementAndGet();
    }

    void tombstone() {
        tombstones.incrementAndGet();
    }

    long snapshotReads() {
        return snapshotReads.get();
    }

    long changes() {
        return changes.get();
    }

    long tombstones() {
        return tombstones.get();
    }
}
