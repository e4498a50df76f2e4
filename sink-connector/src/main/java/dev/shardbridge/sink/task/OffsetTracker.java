package dev.shardbridge.sink.task;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets of records whose changes are still being written, per partition as consumed, and
 * from them the offsets that may be committed: up to, not including, the first unfinished record.
 * Writer threads finish records while the task thread starts them, so every method is synchronized.
 */
public final class OffsetTracker {

    /** Per partition: offset to the number of unfinished deliveries of it (a rewind can redeliver). */
    private final Map<TopicPartition, TreeMap<Long, Integer>> unfinished = new HashMap<>();

    public synchronized void started(TopicPartition partition, long offset) {
        unfinished.computeIfAbsent(partition, p -> new TreeMap<>()).merge(offset, 1, Integer::sum);
    }

    public synchronized void finished(TopicPartition partition, long offset) {
        TreeMap<Long, Integer> offsets = unfinished.get(partition);
        if (offsets == null) {
            return; // the partition was revoked meanwhile
        }
        offsets.computeIfPresent(offset, (o, count) -> count == 1 ? null : count - 1);
        if (offsets.isEmpty()) {
            unfinished.remove(partition);
        }
    }

    /**
     * What may be committed of {@code consumed} (Connect's next offsets to consume): each partition's
     * first unfinished offset when it has one, else the consumed offset.
     */
    public synchronized Map<TopicPartition, OffsetAndMetadata> committable(Map<TopicPartition, OffsetAndMetadata> consumed) {
        Map<TopicPartition, OffsetAndMetadata> committable = new HashMap<>();
        consumed.forEach((partition, next) -> {
            TreeMap<Long, Integer> offsets = unfinished.get(partition);
            long first = offsets == null ? Long.MAX_VALUE : offsets.firstKey();
            committable.put(partition, first < next.offset() ? new OffsetAndMetadata(first, next.metadata()) : next);
        });
        return committable;
    }

    /** Drops revoked partitions: their records will be delivered to whichever task owns them next. */
    public synchronized void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(unfinished::remove);
    }

    public synchronized int unfinishedRecords() {
        return unfinished.values().stream().mapToInt(offsets -> offsets.values().stream().mapToInt(Integer::intValue).sum()).sum();
    }
}
