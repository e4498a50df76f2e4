package dev.shardbridge.sink.task;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.connect.EnvelopeDecoder;
import dev.shardbridge.sink.config.TableNameFormat;
import dev.shardbridge.sink.errors.BadRecordException;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/** Turns a Kafka record into the change it carries and the table it goes to. */
public final class RecordDecoding {

    private final TableNameFormat tableNames;

    public RecordDecoding(TableNameFormat tableNames) {
        this.tableNames = Objects.requireNonNull(tableNames, "tableNames");
    }

    /**
     * The record's change, or empty for a Kafka tombstone (a null value). The source writes one
     * after each delete so compacted topics can drop the key; the delete itself came just before
     * it, so there is nothing to apply.
     *
     * @throws BadRecordException if the value is not a change-event envelope or names no valid table
     */
    public Optional<PendingChange> decode(SinkRecord record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        ChangeEvent event;
        try {
            event = EnvelopeDecoder.decode(record.value());
        } catch (DataException | IllegalArgumentException | NullPointerException | ClassCastException e) {
            throw new BadRecordException("Not a change-event envelope: " + e.getMessage());
        }
        String table;
        try {
            table = tableNames.tableName(event.source().table(), record.topic());
        } catch (IllegalArgumentException e) {
            throw new BadRecordException(e.getMessage());
        }
        return Optional.of(new PendingChange(record, table, event));
    }
}
