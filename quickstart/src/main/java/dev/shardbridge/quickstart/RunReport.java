package dev.shardbridge.quickstart;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a run did and whether every check held: the replica equals the source (the items it held before the
 * connectors came included), the aggregate equals a recount, the Tablestore-trigger reader decoded every change
 * and snapshot read, and the pipeline, snapshot included, caught up in time. Any failed check makes the exit
 * status non-zero.
 */
record RunReport(SnapshotSummary snapshot, WorkloadSummary workload, Progress finalProgress, boolean caughtUp,
                 TopicTally topic, ReplicaComparison replica, Map<String, Integer> aggregate,
                 Map<String, Integer> recount, SyncV1Tally tally, List<String> readerFailures, Timings timings) {

    /**
     * The source's snapshot of the items the table held before the connectors were deployed.
     *
     * @param existing     items written before the stream was enabled
     * @param progress     the snapshot's final progress from the source's offsets
     * @param took         from the source running to the snapshot seen done; empty if it never was
     * @param writesDuring workload writes made by then: changes that raced the scan
     */
    record SnapshotSummary(long existing, SnapshotProgress progress, Optional<Duration> took, long writesDuring) {
    }

    record WorkloadSummary(long inserts, long updates, long deletes, double ratePerSecond, int partitionsBefore,
                           int partitionsAfter) {
        long written() {
            return inserts + updates + deletes;
        }
    }

    record Timings(Duration startup, Optional<Duration> firstReplicated, Duration total) {
    }

    private static final int EXAMPLES = 5;

    List<String> failures() {
        List<String> failures = new ArrayList<>();
        if (!caughtUp) {
            failures.add("the pipeline did not catch up with the workload in time: " + finalProgress.line());
        }
        if (!replica.equal()) {
            failures.add(String.format("replica differs from source: %d missing %s, %d unexpected %s, %d different %s",
                    replica.missing().size(), examples(replica.missing()), replica.unexpected().size(),
                    examples(replica.unexpected()), replica.different().size(), examples(replica.different())));
        }
        if (!aggregate.equals(recount)) {
            failures.add("aggregate " + aggregate + " differs from the recount " + recount);
        }
        if (tally.malformed() > 0) {
            failures.add(tally.malformed() + " Tablestore-trigger payloads were not Sync-v1 with a known row type");
        }
        if (tally.rows("PutRow") < workload.inserts() + topic.snapshotReads()
                || tally.rows("UpdateRow") < workload.updates()
                || tally.rows("DeleteRow") < workload.deletes()) {
            failures.add("the Tablestore-trigger reader decoded fewer rows than were written");
        }
        failures.addAll(readerFailures);
        return failures;
    }

    int exitCode() {
        return failures().isEmpty() ? 0 : 1;
    }

    void print(PrintStream out) {
        out.println();
        out.println("Summary");
        printSnapshot(out);
        out.printf("  workload    %,d writes to %s (%,d inserts, %,d updates, %,d deletes) at %,.0f/s;"
                        + " partition 0 split midway (%d -> %d partitions)%n", workload.written(), ParcelTable.NAME,
                workload.inserts(), workload.updates(), workload.deletes(), workload.ratePerSecond(),
                workload.partitionsBefore(), workload.partitionsAfter());
        out.printf("  kafka       %,d records in topic %s: %,d snapshot reads (op=r), %,d change events, %,d"
                        + " tombstones%n", finalProgress.inKafka(), ParcelTable.NAME, topic.snapshotReads(),
                topic.changes(), topic.tombstones());
        out.printf("  replica     %,d items in %s vs %,d in %s, compared item by item"
                        + " (%,d delete markers skipped): %s%n",
                replica.replicaItems(), ParcelTable.REPLICA, replica.sourceItems(), ParcelTable.NAME,
                replica.deleteMarkers(), replica.equal() ? "EQUAL" : "DIFFERENT");
        out.printf("  aggregator  parcels in transit per destination %s; recount from %s: %s%n", format(aggregate),
                ParcelTable.NAME, aggregate.equals(recount) ? "EQUAL" : "DIFFERENT " + format(recount));
        out.printf("  tablestore  %,d PutRow, %,d UpdateRow, %,d DeleteRow decoded as %s CBOR payloads,"
                        + " %,d malformed%n",
                tally.rows("PutRow"), tally.rows("UpdateRow"), tally.rows("DeleteRow"), SyncV1Tally.VERSION,
                tally.malformed());
        out.printf("  timings     stack up in %.1f s, first replicated record %s after start, total %.1f s%n",
                seconds(timings.startup()), timings.firstReplicated().map(d -> String.format("%.1f s", seconds(d)))
                        .orElse("never"), seconds(timings.total()));
        List<String> failures = failures();
        failures.forEach(failure -> out.println("  FAILED: " + failure));
        out.println(failures.isEmpty() ? "PASSED: the replica equals the source and the aggregate equals a recount"
                : "FAILED");
    }

    private void printSnapshot(PrintStream out) {
        SnapshotProgress progress = snapshot.progress();
        if (!progress.required()) {
            out.printf("  snapshot    none: the source does not snapshot (start.position), so the %,d items that were"
                    + " in %s before its stream are not replicated%n", snapshot.existing(), ParcelTable.NAME);
            return;
        }
        out.printf("  snapshot    %,d items in %s before its stream was enabled; %,d scanned in %d/%d segments in %s"
                        + " while %,d writes raced it%n", snapshot.existing(), ParcelTable.NAME,
                progress.itemsScanned(), progress.segmentsDone(), progress.segmentsTotal(),
                snapshot.took().map(d -> String.format("%.1f s", seconds(d))).orElse("(not done)"),
                snapshot.writesDuring());
    }

    private static String format(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String examples(List<String> keys) {
        return keys.isEmpty() ? "" : keys.subList(0, Math.min(EXAMPLES, keys.size())).toString();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
