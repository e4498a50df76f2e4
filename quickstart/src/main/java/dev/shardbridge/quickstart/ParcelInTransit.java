package dev.shardbridge.quickstart;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A parcel that is still being scanned: its next sequence number and the scans it has stored, newest first.
 * Kept by the lane that owns the parcel, whether its scans were seeded before the connectors came or written
 * by the live workload, so live writes carry on with the same parcels.
 */
final class ParcelInTransit {
    static final int SCANS_PER_PARCEL = 6;

    private final int number;
    private int nextSequence;
    private final Deque<Integer> stored = new ArrayDeque<>();
    private final Map<Integer, String> destinations = new HashMap<>();

    ParcelInTransit(int number) {
        this.number = number;
    }

    int number() {
        return number;
    }

    /** The scan this parcel gets next. */
    ParcelScan nextScan() {
        return ParcelScan.of(number, nextSequence, SCANS_PER_PARCEL);
    }

    /** {@code scan}, the one {@link #nextScan()} gave, is in the table now. */
    void stored(ParcelScan scan) {
        stored.push(scan.scanSequence());
        destinations.put(scan.scanSequence(), scan.toCity());
        nextSequence++;
    }

    /** Its last scan is stored: delivered, and no longer in transit. */
    boolean signedOff() {
        return nextSequence == SCANS_PER_PARCEL;
    }

    boolean hasStoredScans() {
        return !stored.isEmpty();
    }

    /** The sequence number of its newest stored scan. */
    int latestSequence() {
        return stored.peek();
    }

    String destination(int sequence) {
        return destinations.get(sequence);
    }

    void rerouted(int sequence, String destination) {
        destinations.put(sequence, destination);
    }

    /** Its newest scan was deleted: the parcel is scanned again later under the same key. */
    void takeBackLatest() {
        int sequence = stored.pop();
        destinations.remove(sequence);
        nextSequence = sequence;
    }
}
