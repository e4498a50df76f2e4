package dev.shardbridge.source.engine;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.connect.EnvelopeDecoder;
import dev.shardbridge.source.cluster.KeyedWrites;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import org.apache.kafka.connect.source.SourceRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Debezium's engine handed over, across all its runs: per key, the change labels (and {@value #TOMBSTONE}
 * for a tombstone) in delivery order, kept exactly as delivered (a repeat shows as a repeat). Each record is
 * recorded and marked processed in one step, so the engine commits the offset of every record counted here and
 * of no other. After {@link #stopAfter} the consumer refuses further records until the next run: the engine never
 * commits an offset for them, so the next run reads them again.
 *
 * <p>It never stops between a delete and its tombstone: the delete carries the position before it, so stopping
 * there would make the next run deliver the delete again (the connector's choice: a repeated delete rather than
 * a lost tombstone), and this consumer counts every repeat as a failure.
 */
final class DeliveredChanges implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    static final String TOMBSTONE = "tombstone";

    private final String changeTopic;
    private final Map<String, List<String>> perKey = new HashMap<>();
    private final Set<String> shards = new HashSet<>();
    private int changes;
    private int tombstones;
    private int stopAt = Integer.MAX_VALUE;
    private boolean refusing;

    DeliveredChanges(String changeTopic) {
        this.changeTopic = changeTopic;
    }

    /** Accept records until {@code total} changes are delivered in all, then refuse the rest. */
    synchronized void stopAfter(int total) {
        stopAt = total;
        refusing = changes >= stopAt;
    }

    /** Accept records again, for the next engine run. */
    synchronized void resume() {
        stopAt = Integer.MAX_VALUE;
        refusing = false;
    }

    synchronized boolean refusing() {
        return refusing;
    }

    synchronized int changes() {
        return changes;
    }

    synchronized int tombstones() {
        return tombstones;
    }

    synchronized Map<String, List<String>> perKey() {
        Map<String, List<String>> copy = new HashMap<>();
        perKey.forEach((key, labels) -> copy.put(key, List.copyOf(labels)));
        return copy;
    }

    /** The stream shards the changes came from. */
    synchronized Set<String> shards() {
        return Set.copyOf(shards);
    }

    /** Without this, Debezium's engine builder sets {@code tombstones.on.delete=false}, a key our connector shares. */
    @Override
    public boolean supportsTombstoneEvents() {
        return true;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> records,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        for (RecordChangeEvent<SourceRecord> record : records) {
            if (!accept(record, committer)) {
                break;
            }
        }
        committer.markBatchFinished();
    }

    private synchronized boolean accept(RecordChangeEvent<SourceRecord> record,
                                        DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        SourceRecord source = record.record();
        boolean tombstone = changeTopic.equals(source.topic()) && source.value() == null;
        if (refusing && !tombstone) {
            return false;
        }
        // Anything else is a drained marker: nothing to keep, but its offset must be committed, because that
        // committed offset is what lets the next run read the drained shard's children.
        if (changeTopic.equals(source.topic())) {
            String key = EnvelopeDecoder.decodeKey(source.key()).toString();
            if (source.value() == null) {
                perKey.computeIfAbsent(key, k -> new ArrayList<>()).add(TOMBSTONE);
                tombstones++;
            } else {
                ChangeEvent event = EnvelopeDecoder.decode(source.value());
                perKey.computeIfAbsent(key, k -> new ArrayList<>()).add(KeyedWrites.label(event));
                shards.add(event.source().shardId());
                changes++;
            }
        }
        committer.markProcessed(record);
        refusing = changes >= stopAt;
        return true;
    }
}
