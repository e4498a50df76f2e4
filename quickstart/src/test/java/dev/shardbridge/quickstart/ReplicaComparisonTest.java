package dev.shardbridge.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ReplicaComparisonTest {
    private static final List<String> KEY = List.of(ParcelScan.PARCEL_ID, ParcelScan.SCAN_SEQ);
    private static final ReplicaComparison.HiddenAttributes HIDDEN = ReplicaComparison.HiddenAttributes.DEFAULTS;

    private final Map<String, AttributeValue> first = ParcelScan.of(1, 0, 6).toItem();
    private final Map<String, AttributeValue> second = ParcelScan.of(1, 1, 6).toItem();

    @Test
    void equalWhenOnlyTheSinksHiddenAttributesAndDeleteMarkersDiffer() {
        Map<String, AttributeValue> marker = new HashMap<>(ParcelScan.of(2, 0, 6).key());
        marker.put("_shardbridge_deleted", AttributeValue.fromBool(true));
        marker.put("_shardbridge_pos", AttributeValue.fromS("0000000000000000000000000000000000000042"));

        ReplicaComparison comparison = ReplicaComparison.compare(List.of(first, second),
                List.of(replicated(first), replicated(second), marker), KEY, HIDDEN);

        assertThat(comparison.equal()).isTrue();
        assertThat(comparison.deleteMarkers()).isEqualTo(1);
        assertThat(comparison.replicaItems()).isEqualTo(2);
    }

    @Test
    void aMissingItemIsAMismatch() {
        ReplicaComparison comparison = ReplicaComparison.compare(List.of(first, second), List.of(replicated(first)),
                KEY, HIDDEN);

        assertThat(comparison.equal()).isFalse();
        assertThat(comparison.missing()).containsExactly("P000001/1");
    }

    @Test
    void anItemMarkedDeletedInTheReplicaButPresentInTheSourceIsMissing() {
        Map<String, AttributeValue> marker = new HashMap<>(replicated(second));
        marker.put("_shardbridge_deleted", AttributeValue.fromBool(true));

        ReplicaComparison comparison = ReplicaComparison.compare(List.of(first, second),
                List.of(replicated(first), marker), KEY, HIDDEN);

        assertThat(comparison.missing()).containsExactly("P000001/1");
    }

    @Test
    void anExtraItemAndADifferentAttributeAreMismatches() {
        Map<String, AttributeValue> rerouted = new HashMap<>(replicated(second));
        rerouted.put(ParcelScan.TO_CITY, AttributeValue.fromS("Nowhere"));
        Map<String, AttributeValue> resurrected = replicated(ParcelScan.of(3, 0, 6).toItem());

        ReplicaComparison comparison = ReplicaComparison.compare(List.of(first, second),
                List.of(replicated(first), rerouted, resurrected), KEY, HIDDEN);

        assertThat(comparison.equal()).isFalse();
        assertThat(comparison.different()).containsExactly("P000001/1");
        assertThat(comparison.unexpected()).containsExactly("P000003/0");
    }

    private static Map<String, AttributeValue> replicated(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.put("_shardbridge_pos", AttributeValue.fromS("0000000000000000000000000000000000000007"));
        return copy;
    }
}
