package dev.shardbridge.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static final SnapshotProgress DONE = new SnapshotProgress(4, 4, 50, true);
    private static final SnapshotProgress RUNNING = new SnapshotProgress(2, 4, 30, true);

    @Test
    void caughtUpNeedsTheSnapshotDoneAndAChangeInKafkaForEveryWriteBesidesTheSnapshotReads() {
        // 10 writes make 11 records; 50 snapshot reads beside them.
        assertThat(progress(DONE, 50, 61).caughtUp()).isTrue();
        assertThat(progress(DONE, 50, 60).caughtUp()).as("one change not captured yet").isFalse();
        assertThat(progress(RUNNING, 30, 41).caughtUp()).as("the snapshot still scans").isFalse();
    }

    @Test
    void theSnapshotStandsWhereTheBarDoesWhileItRuns() {
        assertThat(progress(RUNNING, 30, 41).line()).contains("[snapshot 2/4, 30 items]").doesNotContain("#");
        assertThat(progress(DONE, 50, 61).line()).contains("[##########] 100%").contains("kafka 61 (lag 0)");
    }

    private static Progress progress(SnapshotProgress snapshot, long snapshotReads, long inKafka) {
        return new Progress(10, 10, 11, 50, snapshot, snapshotReads, inKafka, inKafka, inKafka, inKafka,
                Duration.ofSeconds(3));
    }
}
