package dev.shardbridge.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScanChangeTest {
    private final ParcelScan scan = ParcelScan.of(12, 1, 6);

    @Test
    void readsTheKeyAndNewImageOfAJsonEnvelope() {
        ScanChange change = ScanChange.parse(ChangeTopicRecords.insert(scan).value()).orElseThrow();

        assertThat(change.op()).isEqualTo("c");
        assertThat(change.parcelId()).isEqualTo("P000012");
        assertThat(change.scanSequence()).isEqualTo(1);
        assertThat(change.after()).isEqualTo(scan);
    }

    @Test
    void aDeleteHasTheKeyAndNoImage() {
        ScanChange change = ScanChange.parse(ChangeTopicRecords.delete(scan).value()).orElseThrow();

        assertThat(change.deleted()).isTrue();
        assertThat(change.parcelId()).isEqualTo("P000012");
    }

    @Test
    void aTombstoneIsNoChange() {
        assertThat(ScanChange.parse(null)).isEmpty();
    }
}
