package dev.shardbridge.quickstart;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parcels in transit per destination city, kept up to date from change events alone, as a stream
 * processor would: a parcel is in transit to a city while its latest stored scan is a TransferOut to that
 * city. Each change moves at most one parcel from one city's count to another's, so the state is the
 * parcels' scans plus the counts, never a rescan.
 */
final class InTransitAggregate {
    private final Map<String, TreeMap<Integer, ParcelScan>> scansByParcel = new HashMap<>();
    private final Map<String, Integer> inTransit = new TreeMap<>();
    private long applied;

    /** Applies one change; a redelivered run of changes, replayed in order, ends in the same state. */
    synchronized void apply(ScanChange change) {
        String before = destination(change.parcelId());
        TreeMap<Integer, ParcelScan> scans = scansByParcel.computeIfAbsent(change.parcelId(), id -> new TreeMap<>());
        if (change.deleted()) {
            scans.remove(change.scanSequence());
        } else {
            scans.put(change.scanSequence(), change.after());
        }
        if (scans.isEmpty()) {
            scansByParcel.remove(change.parcelId());
        }
        String after = destination(change.parcelId());
        if (before != null) {
            inTransit.merge(before, -1, Integer::sum);
            inTransit.remove(before, 0);
        }
        if (after != null) {
            inTransit.merge(after, 1, Integer::sum);
        }
        applied++;
    }

    private String destination(String parcelId) {
        TreeMap<Integer, ParcelScan> scans = scansByParcel.get(parcelId);
        if (scans == null || scans.isEmpty()) {
            return null;
        }
        ParcelScan latest = scans.lastEntry().getValue();
        return latest.leavesForDestination() ? latest.toCity() : null;
    }

    /** City to parcels in transit there, cities with none left out. */
    synchronized Map<String, Integer> inTransitByCity() {
        return new TreeMap<>(inTransit);
    }

    synchronized long applied() {
        return applied;
    }
}
