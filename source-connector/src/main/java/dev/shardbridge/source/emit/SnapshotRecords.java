package dev.shardbridge.source.emit;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.ChangeEventFactory;
import dev.shardbridge.event.TableKey;
import dev.shardbridge.event.connect.EnvelopeEncoder;
import dev.shardbridge.event.connect.EnvelopeRecord;
import dev.shardbridge.source.offset.SegmentProgress;
import dev.shardbridge.source.offset.SnapshotEpoch;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * Scanned items to Connect records: an {@code op=r} change event per item, keyed by primary key into the
 * table's topic like its stream changes, carrying its segment's progress as offset. Progress that no row
 * carries (a finished segment, a page whose rows were all superseded) and a new snapshot epoch are committed
 * with empty marker records on the markers topic, as drained shards are.
 */
public final class SnapshotRecords {

    private final ChangeEventFactory events;
    private final String topicPrefix;
    private final String markersTopic;

    public SnapshotRecords(ChangeEventFactory events, String topicPrefix, String markersTopic) {
        this.events = events;
        this.topicPrefix = topicPrefix;
        this.markersTopic = markersTopic;
    }

    /** The {@code op=r} record of {@code item}; committing it means the segment resumes at {@code progress}. */
    public SourceRecord row(String table, TableKey tableKey, Map<String, AttributeValue> item,
                            SegmentProgress progress) {
        ChangeEvent event;
        try {
            event = events.snapshotRead(table, tableKey, item);
        } catch (DataException e) {
            throw new ConnectException("Cannot convert a scanned item of " + table + ": " + e.getMessage(), e);
        }
        EnvelopeRecord envelope = EnvelopeEncoder.encode(event);
        return new SourceRecord(progress.partition().toMap(), progress.toMap(), topicPrefix + table, null,
                envelope.keySchema(), envelope.key(), envelope.valueSchema(), envelope.value(),
                event.source().approximateCreationTime().toEpochMilli());
    }

    /** The empty record whose only purpose is to commit {@code progress}. */
    public SourceRecord progressMarker(SegmentProgress progress) {
        return new SourceRecord(progress.partition().toMap(), progress.toMap(), markersTopic, null,
                null, null, null, null);
    }

    /** The empty record that commits a new snapshot epoch, which starts a new scan of the table. */
    public SourceRecord epochMarker(SnapshotEpoch epoch) {
        return new SourceRecord(epoch.partition(), epoch.toMap(), markersTopic, null, null, null, null, null);
    }
}
