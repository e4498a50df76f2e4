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
    private static final Progress CAUGHT_UP = new Progress(5, 5, 6, 6, 6, 6, 6, Duration.ofSeconds(9));
    private static final ReplicaComparison EQUAL = new ReplicaComparison(2, 2, 1, List.of(), List.of(), List.of());
    private static final RunReport.Timings TIMINGS = new RunReport.Timings(Duration.ofSeconds(4),
            Optional.of(Duration.ofSeconds(8)), Duration.ofSeconds(30));

    @Test
    void passesWhenEveryCheckHolds() {
        RunReport report = report(true, EQUAL, Map.of("Wuhan", 1), tally(3, 1, 1));

        assertThat(report.exitCode()).isZero();
        assertThat(printed(report)).contains("EQUAL", "PASSED", "first replicated record 8.0 s after start");
    }

    @Test
    void aReplicaMismatchFailsTheRun() {
        ReplicaComparison missing = new ReplicaComparison(2, 1, 0, List.of("P000001/1"), List.of(), List.of());

        RunReport report = report(true, missing, Map.of("Wuhan", 1), tally(3, 1, 1));

        assertThat(report.exitCode()).isNotZero();
        assertThat(printed(report)).contains("FAILED: replica differs from source: 1 missing [P000001/1]");
    }

    @Test
    void anAggregateThatDiffersFromTheRecountFailsTheRun() {
        RunReport report = report(true, EQUAL, Map.of("Wuhan", 2), tally(3, 1, 1));

        assertThat(report.exitCode()).isNotZero();
        assertThat(printed(report)).contains("differs from the recount");
    }

    @Test
    void aPipelineThatDidNotCatchUpOrAReaderThatMissedRowsFailsTheRun() {
        assertThat(report(false, EQUAL, Map.of("Wuhan", 1), tally(3, 1, 1)).exitCode()).isNotZero();
        assertThat(report(true, EQUAL, Map.of("Wuhan", 1), tally(3, 1, 0)).exitCode()).isNotZero();
    }

    private static RunReport report(boolean caughtUp, ReplicaComparison replica, Map<String, Integer> aggregate,
                                    SyncV1Tally tally) {
        return new RunReport(WORKLOAD, CAUGHT_UP, caughtUp, replica, aggregate, Map.of("Wuhan", 1), tally, List.of(),
                TIMINGS);
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
