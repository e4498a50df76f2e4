package dev.shardbridge.quickstart;

import java.util.concurrent.atomic.AtomicLong;

/** What the workload has written so far, by kind of change; read by the progress line while it runs. */
final class WorkloadCounts {
    private final AtomicLong inserts = new AtomicLong();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong deletes = new AtomicLong();

    void inserted() {
        inserts.incrementAndGet();
    }

    void updated() {
        updates.incrementAndGet();
    }

    void deleted() {
        deletes.incrementAndGet();
    }

    long inserts() {
        return inserts.get();
    }

    long updates() {
        return updates.get();
    }

    long deletes() {
        return deletes.get();
    }

    long written() {
        return inserts() + updates() + deletes();
    }

    /**
     * The Kafka records these writes become: one change event each (every write really changes the item, so
     * none is a silent no-op), plus a tombstone after each delete when the source writes them.
     */
    long expectedKafkaRecords(boolean tombstonesOnDelete) {
        return written() + (tombstonesOnDelete ? deletes() : 0);
    }
}
