package dev.shardbridge.quickstart;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Parcels in transit per destination city, counted from scratch from the items of the source table. */
final class InTransitRecount {
    private InTransitRecount() {
    }

    static Map<String, Integer> of(Collection<Map<String, AttributeValue>> items) {
        Map<String, ParcelScan> latestByParcel = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            ParcelScan scan = ParcelScan.fromItem(item);
            latestByParcel.merge(scan.parcelId(), scan,
                    (a, b) -> a.scanSequence() >= b.scanSequence() ? a : b);
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (ParcelScan latest : latestByParcel.values()) {
            if (latest.leavesForDestination()) {
                counts.merge(latest.toCity(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
