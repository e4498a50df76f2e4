package dev.shardbridge.event;

import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The one place that turns what the store gives us (stream records, scanned items) into change
 * events, so the source connector has no opinion of its own about the contract.
 */
public final class ChangeEventFactory {

    private final String connector;
    private final String version;
    private final Clock clock;

    /**
     * @param connector the name written to {@code source.connector}
     * @param version   the version written to {@code source.version}
     * @param clock     the clock for {@code ts_ms} (and for snapshot read times)
     */
    public ChangeEventFactory(String connector, String version, Clock clock) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.version = Objects.requireNonNull(version, "version");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The event for one DynamoDB Streams record. Works for every stream view type: images the view
     * type leaves out stay null (KEYS_ONLY carries only the key).
     *
     * @throws DataException if the record has no stream data, an unknown event name, or lacks a key attribute
     */
    public ChangeEvent fromStreamRecord(StreamShard shard, Record record) {
        StreamRecord data = record.dynamodb();
        if (data == null) {
            throw new DataException("Stream record " + record.eventID() + " in shard " + shard.shardId() + " has no data");
        }
        Operation op = Operation.fromStreamEventName(record.eventNameAsString());
        Map<String, AttributeValue> key = shard.tableKey().keyOf(data.keys());
        // The SDK returns empty auto-construct maps for absent images; "has" tells them apart
        // from a present image, which always holds at least the key attributes.
        Map<String, AttributeValue> before = data.hasOldImage() ? data.oldImage() : null;
        Map<String, AttributeValue> after = data.hasNewImage() ? data.newImage() : null;
        if (data.approximateCreationDateTime() == null) {
            throw new DataException("Stream record " + data.sequenceNumber() + " has no ApproximateCreationDateTime");
        }
        SourceInfo source = new SourceInfo(connector, version, shard.table(), shard.streamArn(), shard.shardId(),
                data.sequenceNumber(), data.approximateCreationDateTime(), false);
        return new ChangeEvent(op, key, before, after, source, clock.instant());
    }

    /**
     * The {@code op=r} event for an item read by a table scan: the item is the new image, and the
     * read time stands in for the change time. Snapshot events have no stream position.
     *
     * @throws DataException if the item lacks a key attribute
     */
    public ChangeEvent snapshotRead(String table, TableKey tableKey, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = tableKey.keyOf(item);
        var now = clock.instant();
        SourceInfo source = new SourceInfo(connector, version, table, null, null, null, now, true);
        return new ChangeEvent(Operation.READ, key, null, item, source, now);
    }
}
