package dev.shardbridge.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunReportTest {
    private static final RunReport.WorkloadSummary WORKLOAD = new RunReport.WorkloadSummary(3, 1, 1, 100, 4, 5);
    private static final SnapshotProgress SNAPSHOT_DONE = new SnapshotProgress(4, 4, 2, true);
    private static final RunReport.SnapshotSummary SNAPSHOT = new RunReport.SnapshotSummary(2, SNAPSHOT_DONE,
            Optional.of(Duration.ofMillis(1500)), 3);
    private static final Progress CAUGHT_UP = new Progress(5, 5, 6, 2, SNAPSHOT_DONE, 2, 8, 8, 8, 8,
            Duration.ofSeconds(9));
    private static final ReplicaComparison EQUAL = new ReplicaComparison(2, 2, 1, List.of(), List.of(), List.of());
    private static final RunReport.Timings TIMINGS = new RunReport.Timings(Duration.ofSeconds(4),
            Optional.of(Duration.ofSeconds(8)), Duration.ofSeconds(30));

    @Test
    void passesWhenEveryCheckHolds() {
        RunReport report = report(true, EQUAL, Map.of("Wuhan", 1), tally(5, 1, 1));

        assertThat(report.exitCode()).isZero();
        assertThat(printed(report)).contains("EQUAL", "PASSED", "first replicated record 8.0 s after start",
                "2 items in parcel_scans before its stream was enabled; 2 scanned in 4/4 segments in 1.5 s while 3"
                        + " writes raced it", "8 records in topic parcel_scans: 2 snapshot reads (op=r)");
    }

    @Test
    void aReplicaMismatchFailsTheRun() {
        ReplicaComparison missing = new ReplicaComparison(2, 1, 0, List.of("P000001/1"), List.of(), List.of());

        RunReport report = report(true, missing, Map.of("Wuhan", 1), tally(5, 1, 1));

        assertThat(report.exitCode()).isNotZero();
        assertThat(printed(report)).contains("FAILED: replica differs from source: 1 missing [P000001/1]");
    }

    @Test
    void anAggregateThatDiffersFromTheRecountFailsTheRun() {
        RunReport report = report(true, EQUAL, Map.of("Wuhan", 2), tally(5, 1, 1));

        assertThat(report.exitCode()).isNotZero();
        assertThat(printed(report)).contains("differs from the recount");
    }

    @Test
    void aPipelineThatDidNotCatchUpOrAReaderThatMissedRowsFailsTheRun() {
        assertThat(report(false, EQUAL, Map.of("Wuhan", 1), tally(5, 1, 1)).exitCode()).isNotZero();
        assertThat(report(true, EQUAL, Map.of("Wuhan", 1), tally(5, 1, 0)).exitCode()).isNotZero();
    }

    @Test
    void snapshotReadsAreRowsTheTablestoreReaderMustDecodeToo() {
        RunReport report = report(true, EQUAL, Map.of("Wuhan", 1), tally(3, 1, 1));

        assertThat(report.exitCode()).as("3 inserts and 2 snapshot reads need 5 PutRows").isNotZero();
    }

    private static RunReport report(boolean caughtUp, ReplicaComparison replica, Map<String, Integer> aggregate,
                                    SyncV1Tally tally) {
        return new RunReport(SNAPSHOT, WORKLOAD, CAUGHT_UP, caughtUp, topic(), replica, aggregate, Map.of("Wuhan", 1),
                tally, List.of(), TIMINGS);
    }

    /** What the topic of {@link #CAUGHT_UP} holds: 2 snapshot reads, 5 changes, 1 tombstone. */
    private static TopicTally topic() {
        TopicTally topic = new TopicTally();
        ScanChange read = new ScanChange("r", "P000001", 0, ParcelScan.of(1, 0, 6));
        ScanChange insert = new ScanChange("c", "P000001", 1, ParcelScan.of(1, 1, 6));
        List.of(read, read, insert, insert, insert, insert, insert).forEach(topic::change);
        topic.tombstone();
        return topic;
    }

    private static SyncV1Tally tally(int puts, int updates, int deletes) {
        SyncV1Tally tally = new SyncV1Tally();
        CBORMapper cbor = new CBORMapper();
        add(tally, cbor, "PutRow", puts);
        add(tally, cbor, "UpdateRow", updates);
        add(tally, cbor, "DeleteRow", deletes);
        return tally;
    }

    private static void add(SyncV1Tally tally, CBORMapper cbor,
                            String type, int rows) {
        for (int i = 0; i < rows; i++) {
            try {
                tally.accept(cbor.writeValueAsBytes(Map.of("Version", "Sync-v1",
                        "Records", List.of(Map.of("Type", type)))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String printed(RunReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
