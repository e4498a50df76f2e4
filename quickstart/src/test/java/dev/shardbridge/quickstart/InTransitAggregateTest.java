package dev.shardbridge.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class InTransitAggregateTest {

    private final InTransitAggregate aggregate = new InTransitAggregate();

    @Test
    void aParcelIsInTransitToTheDestinationOfItsLatestTransferOut() {
        aggregate.apply(put(scan("P1", 0, ParcelScan.Operation.SignIn, "Wuhan")));
        assertThat(aggregate.inTransitByCity()).isEmpty();

        aggregate.apply(put(scan("P1", 1, ParcelScan.Operation.TransferOut, "Beijing")));
        assertThat(aggregate.inTransitByCity()).containsExactly(Map.entry("Beijing", 1));

        aggregate.apply(put(scan("P1", 2, ParcelScan.Operation.TransferIn, "Beijing")));
        assertThat(aggregate.inTransitByCity()).as("arrived").isEmpty();
    }

    @Test
    void aRerouteMovesTheParcelToItsNewDestination() {
        aggregate.apply(put(scan("P1", 1, ParcelScan.Operation.TransferOut, "Beijing")));
        aggregate.apply(new ScanChange("u", "P1", 1, scan("P1", 1, ParcelScan.Operation.TransferOut, "Chengdu")));

        assertThat(aggregate.inTransitByCity()).containsExactly(Map.entry("Chengdu", 1));
    }

    @Test
    void deletingTheLatestScanFallsBackToTheScanBefore() {
        aggregate.apply(put(scan("P1", 1, ParcelScan.Operation.TransferOut, "Beijing")));
        aggregate.apply(put(scan("P1", 2, ParcelScan.Operation.TransferIn, "Beijing")));
        aggregate.apply(new ScanChange("d", "P1", 2, null));

        assertThat(aggregate.inTransitByCity()).containsExactly(Map.entry("Beijing", 1));

        aggregate.apply(new ScanChange("d", "P1", 1, null));
        assertThat(aggregate.inTransitByCity()).isEmpty();
    }

    @Test
    void randomChangesEndEqualToARecountOfTheFinalItems() {
        Random random = new Random(11);
        Map<String, Map<String, AttributeValue>> table = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            String parcel = "P" + random.nextInt(40);
            int sequence = random.nextInt(6);
            String key = parcel + "/" + sequence;
            if (random.nextInt(5) == 0) {
                if (table.remove(key) != null) {
                    aggregate.apply(new ScanChange("d", parcel, sequence, null));
                }
            } else {
                ParcelScan scan = scan(parcel, sequence, ParcelScan.Operation.values()[random.nextInt(4)],
                        ParcelScan.CITIES.get(random.nextInt(ParcelScan.CITIES.size())));
                String op = table.put(key, scan.toItem()) == null ? "c" : "u";
                aggregate.apply(new ScanChange(op, parcel, sequence, scan));
            }
        }

        assertThat(aggregate.inTransitByCity()).isNotEmpty()
                .isEqualTo(InTransitRecount.of(new ArrayList<>(table.values())));
    }

    @Test
    void theRecountTakesEachParcelsHighestScan() {
        List<Map<String, AttributeValue>> items = List.of(
                scan("P1", 3, ParcelScan.Operation.TransferOut, "Wuhan").toItem(),
                scan("P1", 1, ParcelScan.Operation.TransferOut, "Beijing").toItem(),
                scan("P2", 4, ParcelScan.Operation.TransferIn, "Wuhan").toItem());

        assertThat(InTransitRecount.of(items)).containsExactly(Map.entry("Wuhan", 1));
    }

    private static ScanChange put(ParcelScan scan) {
        return new ScanChange("c", scan.parcelId(), scan.scanSequence(), scan);
    }

    private static ParcelScan scan(String parcel, int sequence, ParcelScan.Operation operation, String to) {
        return new ParcelScan(parcel, sequence, "scanner-1", operation, "Hangzhou", to);
    }
}
