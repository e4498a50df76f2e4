package dev.shardbridge.sink.task;

import dev.shardbridge.sink.errors.BadRecordException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Where bad records go: to Connect's errant-record reporter (the DLQ, with Connect's context
 * headers) when the connector tolerates errors, else the task fails with a message naming the
 * record and the reason.
 */
public final class ErrantRecords {

    private final ErrantRecordReporter reporter;
    private final List<Future<Void>> reports = new ArrayList<>();

    /**
     * @param reporter the worker's reporter, or null when there is none or errors are not tolerated
     */
    public ErrantRecords(ErrantRecordReporter reporter) {
        this.reporter = reporter;
    }

    /** @throws ConnectException if bad records are not tolerated */
    public void report(SinkRecord record, String reason) {
        // The DLQ's exception headers carry this exception: its message is the reason.
        BadRecordException cause = new BadRecordException(reason);
        if (reporter == null) {
            throw new ConnectException("Bad record at " + RecordCoordinates.of(record) + ": " + reason
                    + " (set errors.tolerance=all and errors.deadletterqueue.topic.name to route such records to a DLQ)",
                    cause);
        }
        reports.add(reporter.report(record, cause));
    }

    /**
     * Waits until every reported record is in the DLQ, so the offsets Connect commits after
     * {@code put} never pass a bad record that was not stored anywhere.
     */
    public void awaitReported() {
        try {
            for (Future<Void> report : reports) {
                report.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reporting bad records", e);
        } catch (ExecutionException e) {
            throw new ConnectException("Could not report a bad record to the errant-record reporter", e.getCause());
        } finally {
            reports.clear();
        }
    }
}
