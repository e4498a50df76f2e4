package dev.shardbridge.source.snapshot;

import dev.shardbridge.source.metrics.SnapshotGauges;

/**
 * The running numbers of one table's snapshot. Only the poll thread writes them; JMX threads read them, so
 * the fields are volatile and each has one writer.
 */
final class SnapshotStats implements SnapshotGauges {

    private final int segmentsTotal;
    private final long scannedBefore;
    private final long itemCount;
    private final long startedNanos = System.nanoTime();
    private volatile int segmentsDone;
    private volatile long scannedNow;
    private volatile long rowsDropped;
    private volatile boolean outlivesRetention;

    /**
     * @param scannedBefore items scanned by earlier runs of this snapshot (from offsets)
     * @param itemCount     the table's item count as DescribeTable reports it (AWS refreshes it about every
     *                      six hours); 0 or less when unknown
     */
    SnapshotStats(int segmentsTotal, int segmentsDone, long scannedBefore, long itemCount) {
        this.segmentsTotal = segmentsTotal;
        this.segmentsDone = segmentsDone;
        this.scannedBefore = scannedBefore;
        this.itemCount = itemCount;
    }

    void pageEmitted(int scanned, int dropped) {
        scannedNow += scanned;
        rowsDropped += dropped;
    }

    void outlivesRetention(boolean outlives) {
        outlivesRetention = outlives;
    }

    @Override
    public boolean outlivesRetention() {
        return outlivesRetention;
    }

    void segmentDone() {
        segmentsDone++;
    }

    @Override
    public int segmentsTotal() {
        return segmentsTotal;
    }

    @Override
    public int segmentsDone() {
        return segmentsDone;
    }

    @Override
    public long itemsScanned() {
        return scannedBefore + scannedNow;
    }

    @Override
    public long rowsDropped() {
        return rowsDropped;
    }

    long itemCount() {
        return itemCount;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    @Override
    public double itemsPerSecond() {
        double elapsed = elapsedSeconds();
        long scanned = scannedNow;
        return scanned == 0 || elapsed <= 0 ? Double.NaN : scanned / elapsed;
    }

    @Override
    public double remainingSeconds() {
        if (segmentsDone == segmentsTotal) {
            return 0;
        }
        double rate = itemsPerSecond();
        if (itemCount <= 0 || Double.isNaN(rate)) {
            return Double.NaN;
        }
        return Math.max(0, itemCount - itemsScanned()) / rate;
    }
}
