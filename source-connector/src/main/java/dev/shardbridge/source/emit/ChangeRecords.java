package dev.shardbridge.source.emit;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.ChangeEventFactory;
import dev.shardbridge.event.Operation;
import dev.shardbridge.event.StreamShard;
import dev.shardbridge.event.connect.EnvelopeEncoder;
import dev.shardbridge.event.connect.EnvelopeRecord;
import dev.shardbridge.source.offset.ShardOffset;
import dev.shardbridge.source.offset.ShardPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stream records to Connect records: one change event per stream record, keyed by primary key into the
 * table's topic, each carrying the offset after itself so Connect can commit between any two records. A delete
 * may be followed by a tombstone (same key, null value) for compacted topics; the pair is committed as one. When a shard is
 * drained, an empty marker record carries the drained offset that releases its children.
 */
public final class ChangeRecords {

    private final ChangeEventFactory events;
    private final String topicPrefix;
    private final boolean tombstonesOnDelete;
    private final String markersTopic;

    public ChangeRecords(ChangeEventFactory events, String topicPrefix, boolean tombstonesOnDelete,
                         String markersTopic) {
        this.events = events;
        this.topicPrefix = topicPrefix;
        this.tombstonesOnDelete = tombstonesOnDelete;
        this.markersTopic = markersTopic;
    }

    /**
     * Appends the Connect records of {@code records}, in stream order, to {@code out}.
     *
     * @param previousSequenceNumber the shard's position before these records, if it has one
     */
    public void append(StreamShard shard, List<Record> records, Optional<String> previousSequenceNumber,
                       List<SourceRecord> out) {
        ShardPartition partition = new ShardPartition(shard.table(), shard.shardId());
        Map<String, String> partitionMap = partition.toMap();
        String topic = topicPrefix + shard.table();
        Optional<String> previous = previousSequenceNumber;
        for (Record record : records) {
            ChangeEvent event = toEvent(shard, record);
            String sequenceNumber = event.source().sequenceNumber();
            Map<String, Object> offset = ShardOffset.after(partition, sequenceNumber).toMap();
            EnvelopeRecord envelope = EnvelopeEncoder.encode(event);
            long timestamp = event.source().approximateCreationTime().toEpochMilli();
            boolean tombstone = tombstonesOnDelete && event.op() == Operation.DELETE;
            // A delete followed by its tombstone carries the position before it: were the offset committed
            // between the two, a restart would otherwise resume after the delete and never send the tombstone.
            // A repeated delete is harmless; a lost tombstone keeps the item in compacted topics forever.
            Map<String, Object> eventOffset = tombstone && previous.isPresent()
                    ? ShardOffset.after(partition, previous.get()).toMap() : offset;
            out.add(new SourceRecord(partitionMap, eventOffset, topic, null, envelope.keySchema(), envelope.key(),
                    envelope.valueSchema(), envelope.value(), timestamp));
            if (tombstone) {
                EnvelopeRecord deleted = envelope.tombstone();
                out.add(new SourceRecord(partitionMap, offset, topic, null, deleted.keySchema(), deleted.key(),
                        null, null, timestamp));
            }
            previous = Optional.of(sequenceNumber);
        }
    }

    /** The empty record whose only purpose is to commit {@code drained}. */
    public SourceRecord drainedMarker(ShardOffset drained) {
        return new SourceRecord(drained.partition().toMap(), drained.toMap(), markersTopic, null,
                null, null, null, null);
    }

    private ChangeEvent toEvent(StreamShard shard, Record record) {
        try {
            return events.fromStreamRecord(shard, record);
        } catch (DataException e) {
            // A record the contract cannot express is a store defect; skipping it would lose a change silently.
            throw new ConnectException("Cannot convert stream record " + record.eventID() + " of " + shard.table()
                    + "/" + shard.shardId() + ": " + e.getMessage(), e);
        }
    }
}
