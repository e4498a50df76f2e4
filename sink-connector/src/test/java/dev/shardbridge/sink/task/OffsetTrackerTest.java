package dev.shardbridge.sink.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void commitsUpToTheFirstUnfinishedRecordOfEachPartition() {
        tracker.started(P0, 10);
        tracker.started(P0, 11);
        tracker.started(P0, 12);
        tracker.finished(P0, 10);
        tracker.finished(P0, 12);

        assertThat(tracker.committable(Map.of(P0, new OffsetAndMetadata(13), P1, new OffsetAndMetadata(7))))
                .containsOnly(Map.entry(P0, new OffsetAndMetadata(11)), Map.entry(P1, new OffsetAndMetadata(7)));

        tracker.finished(P0, 11);
        assertThat(tracker.committable(Map.of(P0, new OffsetAndMetadata(13)))).containsEntry(P0, new OffsetAndMetadata(13));
        assertThat(tracker.unfinishedRecords()).isZero();
    }

    @Test
    void aRedeliveredRecordStaysUnfinishedUntilEveryDeliveryIsWritten() {
        tracker.started(P0, 5);
        tracker.started(P0, 5);
        tracker.finished(P0, 5);

        assertThat(tracker.committable(Map.of(P0, new OffsetAndMetadata(6)))).containsEntry(P0, new OffsetAndMetadata(5));
    }

    @Test
    void revokedPartitionsAreForgottenAndLateCompletionsIgnored() {
        tracker.started(P0, 1);
        tracker.started(P1, 1);
        tracker.forget(List.of(P0));
        tracker.finished(P0, 1);

        assertThat(tracker.unfinishedRecords()).isEqualTo(1);
        assertThat(tracker.committable(Map.of(P0, new OffsetAndMetadata(2)))).containsEntry(P0, new OffsetAndMetadata(2));
    }
}
