package dev.shardbridge.quickstart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The parcel scans the table already holds when the connectors are deployed: what each workload lane scanned
 * before the quickstart started, 1 to {@value ParcelInTransit#SCANS_PER_PARCEL} scans per parcel. Parcels not
 * yet signed off stay in transit and their lane carries on with them, so the live workload updates and deletes
 * items the snapshot is still reading. Written fast with BatchWriteItem, a thread per lane; seeded, so every run
 * holds the same items.
 */
final class ExistingScans {
    /** BatchWriteItem's limit of requests per call. */
    private static final int BATCH = 25;

    /** Where a workload lane carries on: the parcels it has started so far and those still in transit. */
    record Lane(int parcelsStarted, List<ParcelInTransit> inTransit) {
    }

    private final List<Lane> lanes;
    private final int items;

    private ExistingScans(List<Lane> lanes, int items) {
        this.lanes = lanes;
        this.items = items;
    }

    /** Writes {@code items} scans to the table, split over the lanes as the workload splits its writes. */
    static ExistingScans seed(DynamoDbClient client, int items) throws InterruptedException {
        return new ExistingScans(LaneThreads.run("seeding",
                lane -> () -> seedLane(client, lane, LaneThreads.share(items, lane))), items);
    }

    private static Lane seedLane(DynamoDbClient client, int lane, int items) {
        Random random = new Random(31 + lane);
        List<ParcelInTransit> inTransit = new ArrayList<>();
        List<WriteRequest> batch = new ArrayList<>(BATCH);
        int parcels = 0;
        int written = 0;
        while (written < items) {
            ParcelInTransit parcel = new ParcelInTransit(LaneThreads.parcelNumber(parcels++, lane));
            int scans = 1 + random.nextInt(ParcelInTransit.SCANS_PER_PARCEL);
            for (int i = 0; i < scans && written < items; i++, written++) {
                ParcelScan scan = parcel.nextScan();
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(scan.toItem()).build()).build());
                parcel.stored(scan);
                if (batch.size() == BATCH) {
                    write(client, batch);
                }
            }
            if (!parcel.signedOff()) {
                inTransit.add(parcel);
            }
        }
        write(client, batch);
        return new Lane(parcels, inTransit);
    }

    /** Writes and empties {@code batch}, sending again whatever the table left unprocessed. */
    private static void write(DynamoDbClient client, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = batch.isEmpty() ? Map.of() : Map.of(ParcelTable.NAME,
                List.copyOf(batch));
        batch.clear();
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(request));
            pending = response.unprocessedItems();
        }
    }

    Lane lane(int lane) {
        return lanes.get(lane);
    }

    int items() {
        return items;
    }

    int parcels() {
        return lanes.stream().mapToInt(Lane::parcelsStarted).sum();
    }

    int parcelsInTransit() {
        return lanes.stream().mapToInt(lane -> lane.inTransit().size()).sum();
    }
}
