package dev.shardbridge.emulator.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One shard: an append-only run of records for one hash range, open until it rolls over, splits or
 * its stream is disabled. Positions are absolute record indexes that stay valid when old records are
 * trimmed from the front.
 */
public final class Shard {
    private final String id;
    private final String parentId;
    private final HashRange range;
    private final long startingSequence;
    private final long createdAtMillis;
    private final ShardReaders readers = new ShardReaders();
    private final AtomicLong getRecordsCalls = new AtomicLong();
    private final AtomicLong throttles = new AtomicLong();

    private final List<StreamRecord> records = new ArrayList<>();
    private long trimmed;
    private long lastTrimmedSequence = -1;
    private long endingSequence = -1;
    private long closedAtMillis = -1;

    Shard(String id, String parentId, HashRange range, long startingSequence, long createdAtMillis) {
        this.id = id;
        this.parentId = parentId;
        this.range = range;
        this.startingSequence = startingSequence;
        this.createdAtMillis = createdAtMillis;
    }

    public String id() {
        return id;
    }

    /** The shard this one continues, or null for a first-generation shard. */
    public String parentId() {
        return parentId;
    }

    public HashRange range() {
        return range;
    }

    public long startingSequence() {
        return startingSequence;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public synchronized boolean isOpen() {
        return endingSequence < 0;
    }

    /** The last sequence number of a closed shard, or -1 while open. */
    public synchronized long endingSequence() {
        return endingSequence;
    }

    public synchronized long closedAtMillis() {
        return closedAtMillis;
    }

    synchronized void append(StreamRecord record) {
        if (!isOpen()) {
            throw new IllegalStateException("append to closed shard " + id);
        }
        records.add(record);
    }

    synchronized void close(long lastSequence, long nowMillis) {
        if (isOpen()) {
            endingSequence = lastSequence;
            closedAtMillis = nowMillis;
        }
    }

    /** The first readable position. */
    public synchronized long trimHorizon() {
        return trimmed;
    }

    /** The sequence number of the newest record trimmed away, or -1 when nothing was trimmed. */
    public synchronized long lastTrimmedSequence() {
        return lastTrimmedSequence;
    }

    /** The position after the last record. */
    public synchronized long end() {
        return trimmed + records.size();
    }

    /** Drops records created before {@code cutoffMillis}; returns how many were dropped. */
    synchronized int trimBefore(long cutoffMillis) {
        int drop = 0;
        while (drop < records.size() && records.get(drop).createdAtMillis() < cutoffMillis) {
            drop++;
        }
        if (drop > 0) {
            lastTrimmedSequence = records.get(drop - 1).sequenceNumber();
            records.subList(0, drop).clear();
            trimmed += drop;
        }
        return drop;
    }

    /** The position of the first record with a sequence number at or after {@code sequence}. */
    public synchronized long positionOf(long sequence) {
        int low = 0;
        int high = records.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (records.get(mid).sequenceNumber() < sequence) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return trimmed + low;
    }

    /** The record at a position, or null if there is none (trimmed or not yet written). */
    public synchronized StreamRecord recordAt(long position) {
        long index = position - trimmed;
        return index < 0 || index >= records.size() ? null : records.get((int) index);
    }

    /** Reads from {@code position}: at most {@code limit} records and {@code maxBytes} of them. */
    public synchronized ShardPage read(long position, int limit, int maxBytes) {
        int from = (int) (position - trimmed);
        List<StreamRecord> page = new ArrayList<>(Math.min(limit, Math.max(0, records.size() - from)));
        long bytes = 0;
        int index = from;
        while (index < records.size() && page.size() < limit) {
            StreamRecord record = records.get(index);
            if (!page.isEmpty() && bytes + record.sizeBytes() > maxBytes) {
                break;
            }
            bytes += record.sizeBytes();
            page.add(record);
            index++;
        }
        long next = trimmed + index;
        return new ShardPage(page, next, !isOpen() && index == records.size());
    }

    /** This shard for the durable log; its records only when {@code withRecords} (snapshots). */
    public synchronized ShardState state(boolean withRecords) {
        return new ShardState(id, parentId, range, startingSequence, createdAtMillis, endingSequence, closedAtMillis,
                trimmed, lastTrimmedSequence, withRecords ? records : List.of());
    }

    /** Recovery: the shard a description names, without records; they are restored one by one. */
    static Shard restored(ShardState state) {
        Shard shard = new Shard(state.id(), state.parentId(), state.range(), state.startingSequence(),
                state.createdAtMillis());
        shard.trimmed = state.trimHorizon();
        shard.lastTrimmedSequence = state.lastTrimmedSequence();
        shard.restoreClosing(state.endingSequence(), state.closedAtMillis());
        return shard;
    }

    /** Recovery: open or closed as a later description says (a replayed log may reopen a snapshot's shard). */
    synchronized void restoreClosing(long lastSequence, long closedAt) {
        endingSequence = lastSequence;
        closedAtMillis = closedAt;
    }

    /**
     * Recovery: appends a record unless this shard already has it or trimmed it, which happens when a
     * replayed log overlaps the snapshot. Records arrive in sequence order, as they were appended.
     */
    synchronized boolean restoreRecord(StreamRecord record) {
        long newest = records.isEmpty() ? lastTrimmedSequence : records.get(records.size() - 1).sequenceNumber();
        if (record.sequenceNumber() <= newest) {
            return false;
        }
        records.add(record);
        return true;
    }

    /** Admits a GetRecords call by {@code reader} unless {@code limit} other readers are active. */
    public boolean tryRead(long reader, long nowMillis, long windowMillis, int limit) {
        getRecordsCalls.incrementAndGet();
        boolean admitted = readers.tryRead(reader, nowMillis, windowMillis, limit);
        if (!admitted) {
            throttles.incrementAndGet();
        }
        return admitted;
    }

    /** Counters for the admin API. */
    public ShardStats stats(long nowMillis, long readerWindowMillis) {
        synchronized (this) {
            return new ShardStats(id, parentId, isOpen(), end(), records.size(), readers.active(nowMillis,
                    readerWindowMillis), getRecordsCalls.get(), throttles.get());
        }
    }
}
