package dev.shardbridge.quickstart;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Parcels moving through the network, written through the AWS SDK at a steady rate: new scans (inserts),
 * reroutes of a parcel's latest scan to another destination (updates) and scans recorded in error taken back
 * (deletes; the parcel is scanned again later under the same key). Seeded per lane, so every run writes the
 * same changes (interleaved between lanes as timing has it).
 * Every write changes its item, so each one is exactly one stream record.
 */
final class ScanWorkload {
    static final int SCANS_PER_PARCEL = 6;
    /** Parcels on the move at once per lane: enough that updates and deletes spread over many keys and partitions. */
    private static final int ACTIVE_PARCELS = 100;
    /**
     * Writers in parallel, each owning its own parcels, so every parcel's scans are still written in order while
     * one slow call (two cores shared with a broker and a worker) does not hold back the whole rate.
     */
    static final int LANES = 4;

    /** A parcel the workload is still scanning: its next sequence number and the scans it has stored. */
    private static final class Parcel {
        final int number;
        int nextSequence;
        final Deque<Integer> stored = new ArrayDeque<>();
        final Map<Integer, String> destinations = new HashMap<>();

        Parcel(int number) {
            this.number = number;
        }
    }

    private final DynamoDbClient client;
    private final WorkloadCounts counts;
    private final int lane;
    private final Random random;
    private final List<Parcel> active = new ArrayList<>();
    private int parcelsStarted;

    private ScanWorkload(DynamoDbClient client, WorkloadCounts counts, int lane) {
        this.client = client;
        this.counts = counts;
        this.lane = lane;
        this.random = new Random(7 + lane);
    }

    /**
     * Writes {@code records} changes at about {@code rate} per second over {@link #LANES} lanes; runs
     * {@code midway} once half of them are written.
     */
    static void run(DynamoDbClient client, WorkloadCounts counts, int records, int rate, Runnable midway)
            throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        Runnable countAndSplit = () -> {
            if (done.incrementAndGet() == records / 2) {
                midway.run();
            }
        };
        ExecutorService lanes = Executors.newFixedThreadPool(LANES, task -> new Thread(task, "quickstart-workload"));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int lane = 0; lane < LANES; lane++) {
                int share = records / LANES + (lane < records % LANES ? 1 : 0);
                double laneRate = (double) rate / LANES;
                ScanWorkload writer = new ScanWorkload(client, counts, lane);
                running.add(lanes.submit(() -> writer.write(share, laneRate, countAndSplit)));
            }
            for (Future<?> lane : running) {
                lane.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the workload failed: " + e.getCause(), e.getCause());
        } finally {
            lanes.shutdownNow();
        }
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
        Parcel parcel = active.isEmpty() ? null : active.get(random.nextInt(active.size()));
        if (parcel != null && !parcel.stored.isEmpty() && roll < 10) {
            takeBack(parcel);
        } else if (parcel != null && !parcel.stored.isEmpty() && roll < 30) {
            reroute(parcel);
        } else {
            scan(active.size() < ACTIVE_PARCELS || parcel == null ? startParcel() : parcel);
        }
    }

    private Parcel startParcel() {
        Parcel parcel = new Parcel(parcelsStarted++ * LANES + lane);
        active.add(parcel);
        return parcel;
    }

    private void scan(Parcel parcel) {
        ParcelScan scan = ParcelScan.of(parcel.number, parcel.nextSequence, SCANS_PER_PARCEL);
        client.putItem(b -> b.tableName(ParcelTable.NAME).item(scan.toItem()));
        counts.inserted();
        parcel.stored.push(scan.scanSequence());
        parcel.destinations.put(scan.scanSequence(), scan.toCity());
        parcel.nextSequence++;
        if (parcel.nextSequence == SCANS_PER_PARCEL) {
            active.remove(parcel); // signed off: delivered, its scans stay
        }
    }

    private void reroute(Parcel parcel) {
        int sequence = parcel.stored.peek();
        String current = parcel.destinations.get(sequence);
        int shift = 1 + random.nextInt(ParcelScan.CITIES.size() - 1);
        String destination = ParcelScan.CITIES.get((ParcelScan.CITIES.indexOf(current) + shift)
                % ParcelScan.CITIES.size());
        client.updateItem(b -> b.tableName(ParcelTable.NAME).key(key(parcel, sequence))
                .updateExpression("SET #to = :to, #scanner = :scanner")
                .expressionAttributeNames(Map.of("#to", ParcelScan.TO_CITY, "#scanner", ParcelScan.SCANNER_ID))
                .expressionAttributeValues(Map.of(":to", AttributeValue.fromS(destination),
                        ":scanner", AttributeValue.fromS("dispatcher-" + random.nextInt(10)))));
        counts.updated();
        parcel.destinations.put(sequence, destination);
    }

    private void takeBack(Parcel parcel) {
        int sequence = parcel.stored.pop();
        client.deleteItem(b -> b.tableName(ParcelTable.NAME).key(key(parcel, sequence)));
        counts.deleted();
        parcel.destinations.remove(sequence);
        parcel.nextSequence = sequence;
    }

    private static Map<String, AttributeValue> key(Parcel parcel, int sequence) {
        return Map.of(ParcelScan.PARCEL_ID, AttributeValue.fromS(ParcelScan.parcelId(parcel.number)),
                ParcelScan.SCAN_SEQ, AttributeValue.fromN(Integer.toString(sequence)));
    }
}
