package dev.shardbridge.quickstart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Parcels moving through the network, written through the AWS SDK at a steady rate: new scans (inserts),
 * reroutes of a parcel's latest scan to another destination (updates) and scans recorded in error taken back
 * (deletes; the parcel is scanned again later under the same key). Each lane carries on with the parcels its
 * {@link ExistingScans} left in transit before it starts new ones, so live writes change and delete items the
 * table held before the connectors came. Seeded per lane, so every run writes the same changes (interleaved
 * between lanes as timing has it). Every write changes its item, so each one is exactly one stream record.
 */
final class ScanWorkload {
    /** Parcels on the move at once per lane: enough that updates and deletes spread over many keys and partitions. */
    private static final int ACTIVE_PARCELS = 100;

    private final DynamoDbClient client;
    private final WorkloadCounts counts;
    private final int lane;
    private final Random random;
    private final List<ParcelInTransit> active;
    private int parcelsStarted;

    private ScanWorkload(DynamoDbClient client, WorkloadCounts counts, int lane, ExistingScans.Lane existing) {
        this.client = client;
        this.counts = counts;
        this.lane = lane;
        this.random = new Random(7 + lane);
        this.active = new ArrayList<>(existing.inTransit());
        this.parcelsStarted = existing.parcelsStarted();
    }

    /**
     * Writes {@code records} changes at about {@code rate} per second over {@link LaneThreads#LANES} lanes, each
     * writer owning its parcels so every parcel's scans are written in order while one slow call (two cores shared
     * with a broker and a worker) does not hold back the whole rate; runs {@code midway} once half are written.
     */
    static void run(DynamoDbClient client, WorkloadCounts counts, int records, int rate, ExistingScans existing,
                    Runnable midway) throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        Runnable countAndSplit = () -> {
            if (done.incrementAndGet() == records / 2) {
                midway.run();
            }
        };
        double laneRate = (double) rate / LaneThreads.LANES;
        LaneThreads.run("workload", lane -> {
            ScanWorkload writer = new ScanWorkload(client, counts, lane, existing.lane(lane));
            return () -> writer.write(LaneThreads.share(records, lane), laneRate, countAndSplit);
        });
    }

    private Void write(int records, double rate, Runnable afterEach) throws InterruptedException {
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / Math.max(0.001, rate));
        long start = System.nanoTime();
        for (int i = 0; i < records; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("workload interrupted after " + i + " writes");
            }
            writeOne();
            afterEach.run();
        }
        return null;
    }

    private void writeOne() {
        int roll = random.nextInt(100);
        ParcelInTransit parcel = active.isEmpty() ? null : active.get(random.nextInt(active.size()));
        if (parcel != null && parcel.hasStoredScans() && roll < 10) {
            takeBack(parcel);
        } else if (parcel != null && parcel.hasStoredScans() && roll < 30) {
            reroute(parcel);
        } else {
            scan(active.size() < ACTIVE_PARCELS || parcel == null ? startParcel() : parcel);
        }
    }

    private ParcelInTransit startParcel() {
        ParcelInTransit parcel = new ParcelInTransit(LaneThreads.parcelNumber(parcelsStarted++, lane));
        active.add(parcel);
        return parcel;
    }

    private void scan(ParcelInTransit parcel) {
        ParcelScan scan = parcel.nextScan();
        client.putItem(b -> b.tableName(ParcelTable.NAME).item(scan.toItem()));
        counts.inserted();
        parcel.stored(scan);
        if (parcel.signedOff()) {
            active.remove(parcel); // delivered, its scans stay
        }
    }

    private void reroute(ParcelInTransit parcel) {
        int sequence = parcel.latestSequence();
        String current = parcel.destination(sequence);
        int shift = 1 + random.nextInt(ParcelScan.CITIES.size() - 1);
        String destination = ParcelScan.CITIES.get((ParcelScan.CITIES.indexOf(current) + shift)
                % ParcelScan.CITIES.size());
        client.updateItem(b -> b.tableName(ParcelTable.NAME).key(key(parcel, sequence))
                .updateExpression("SET #to = :to, #scanner = :scanner")
                .expressionAttributeNames(Map.of("#to", ParcelScan.TO_CITY, "#scanner", ParcelScan.SCANNER_ID))
                .expressionAttributeValues(Map.of(":to", AttributeValue.fromS(destination),
                        ":scanner", AttributeValue.fromS("dispatcher-" + random.nextInt(10)))));
        counts.updated();
        parcel.rerouted(sequence, destination);
    }

    private void takeBack(ParcelInTransit parcel) {
        int sequence = parcel.latestSequence();
        client.deleteItem(b -> b.tableName(ParcelTable.NAME).key(key(parcel, sequence)));
        counts.deleted();
        parcel.takeBackLatest();
    }

    private static Map<String, AttributeValue> key(ParcelInTransit parcel, int sequence) {
        return Map.of(ParcelScan.PARCEL_ID, AttributeValue.fromS(ParcelScan.parcelId(parcel.number())),
                ParcelScan.SCAN_SEQ, AttributeValue.fromN(Integer.toString(sequence)));
    }
}
