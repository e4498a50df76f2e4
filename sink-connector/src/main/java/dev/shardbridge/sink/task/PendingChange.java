package dev.shardbridge.sink.task;

import dev.shardbridge.event.ChangeEvent;
import java.util.Objects;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A decoded, validated change on its way to the target, with the record it came from (for the
 * DLQ and error messages).
 *
 * @param record the Kafka record
 * @param table  the target table
 * @param event  the decoded change
 */
public record PendingChange(SinkRecord record, String table, ChangeEvent event) {

    public PendingChange {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(event, "event");
    }

    /** Where the record is in Kafka, for messages: {@code topic-partition@offset}. */
    public String coordinates() {
        return RecordCoordinates.of(record);
    }
}
