package dev.shardbridge.source.offset;

import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connect finds an offset by the bytes of its serialized partition. Every partition this connector writes
 * must serialize to the same bytes in any JVM and after Connect's own JSON round trip (how the REST offsets API
 * reads partitions back), or a restarted worker and {@code GET /connectors/x/offsets} find nothing.
 */
class PartitionMapsTest {

    private final JsonConverter keys = new JsonConverter();

    PartitionMapsTest() {
        keys.configure(Map.of("schemas.enable", "false"), true);
    }

    @Test
    void everyPartitionSerializesAsConnectReadsItBack() {
        List<Map<String, ?>> partitions = List.of(new ShardPartition("orders", "shardId-0001").toMap(),
                new SegmentPartition("orders", 3).toMap(), SnapshotEpoch.partitionOf("orders"));
        for (Map<String, ?> partition : partitions) {
            byte[] written = keys.fromConnectData("offsets", null, List.of("connector", partition));
            Object readBack = keys.toConnectData("offsets", written).value();
            assertThat(keys.fromConnectData("offsets", null, readBack)).as("%s after a round trip", partition)
                    .isEqualTo(written);
            // The order must not depend on the JVM: the one a default HashMap of the same keys has, in every run.
            Map<String, Object> hashed = new HashMap<>();
            partition.forEach(hashed::put);
            assertThat(new ArrayList<>(partition.keySet())).isEqualTo(new ArrayList<>(hashed.keySet()));
        }
    }
}
