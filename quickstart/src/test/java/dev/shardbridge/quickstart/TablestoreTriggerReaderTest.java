package dev.shardbridge.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TablestoreTriggerReaderTest {

    @Test
    void everyChangeReachesTheTriggerAsASyncV1RowOfItsType() {
        ParcelScan scan = ParcelScan.of(3, 1, 6);
        ParcelScan rerouted = new ParcelScan(scan.parcelId(), 1, "dispatcher-1", scan.operation(), scan.fromCity(),
                "Wuhan");
        try (TablestoreTriggerReader reader = new TablestoreTriggerReader("localhost:1")) {
            reader.handle(ChangeTopicRecords.insert(scan));
            reader.handle(ChangeTopicRecords.update(scan, rerouted));
            reader.handle(ChangeTopicRecords.delete(rerouted));
            reader.handle(ChangeTopicRecords.tombstone());

            SyncV1Tally tally = reader.tally();
            assertThat(List.of(tally.rows("PutRow"), tally.rows("UpdateRow"), tally.rows("DeleteRow")))
                    .containsExactly(1L, 1L, 1L);
            assertThat(tally.malformed()).isZero();
        }
    }

    @Test
    void aPayloadInAnotherShapeIsCountedAsMalformed() throws Exception {
        SyncV1Tally tally = new SyncV1Tally();
        CBORMapper cbor = new CBORMapper();

        tally.accept(cbor.writeValueAsBytes(Map.of("Version", "Sync-v2",
                "Records", List.of(Map.of("Type", "PutRow")))));
        tally.accept(cbor.writeValueAsBytes(Map.of("Version", "Sync-v1",
                "Records", List.of(Map.of("Type", "Upsert")))));
        tally.accept(new byte[] {(byte) 0xff, 0x01});

        assertThat(tally.malformed()).isEqualTo(3);
    }
}
