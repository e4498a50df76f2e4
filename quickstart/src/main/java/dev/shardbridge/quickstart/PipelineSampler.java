package dev.shardbridge.quickstart;

import java.time.Duration;
import java.time.Instant;

/**
 * Takes one {@link Progress} sample from where an operator would look: the workload's own counts, the source's
 * offsets for the snapshot, the broker for the topic's end and each group's committed offsets.
 *
 * @param records    writes the workload will make in all
 * @param tombstones whether the source writes a tombstone after each delete
 * @param sinkGroup  the sink connector's consumer group
 * @param existing   items the table held before the connectors were deployed
 * @param topic      the aggregator's tally of the topic, for the snapshot reads in it
 */
record PipelineSampler(PipelineOffsets offsets, WorkloadCounts counts, long records, boolean tombstones,
                       String sinkGroup, long existing, SnapshotProgressReader snapshot, TopicTally topic,
                       Instant start) {

    /**
     * Reads the snapshot first and the aggregator's count of snapshot reads last, so a sample that finds the
     * snapshot done and the aggregator caught up counts every snapshot read the topic holds.
     */
    Progress sample() throws InterruptedException {
        long written = counts.written();
        long expected = counts.expectedKafkaRecords(tombstones);
        SnapshotProgress snapshotProgress = snapshot.read();
        long inKafka = offsets.topicEnd();
        long replicated = offsets.committed(sinkGroup);
        long aggregated = offsets.committed(AggregatorReader.GROUP);
        long triggered = offsets.committed(TablestoreTriggerReader.GROUP);
        return new Progress(written, records, expected, existing, snapshotProgress, topic.snapshotReads(), inKafka,
                replicated, aggregated, triggered, Duration.between(start, Instant.now()));
    }
}
