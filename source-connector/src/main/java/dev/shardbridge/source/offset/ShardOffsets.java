package dev.shardbridge.source.offset;

import org.apache.kafka.connect.storage.OffsetStorageReader;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offsets a task or the connector decides by: Connect's committed offsets, overlaid with the drained
 * markers this task has emitted but Connect may not have committed yet. The overlay lets a child on the same
 * task start at once, which is safe because one task's records reach Kafka in the order it emits them.
 */
public final class ShardOffsets {

    private final OffsetStorageReader reader;
    private final Map<ShardPartition, ShardOffset> emittedDrained = new ConcurrentHashMap<>();

    public ShardOffsets(OffsetStorageReader reader) {
        this.reader = reader;
    }

    /** The latest offsets of {@code partitions}; shards without an offset are absent. */
    public Map<ShardPartition, ShardOffset> fetch(Collection<ShardPartition> partitions) {
        Map<ShardPartition, ShardOffset> offsets = new HashMap<>();
        List<Map<String, String>> keys = partitions.stream().map(ShardPartition::toMap).toList();
        if (!keys.isEmpty()) {
            reader.offsets(keys).forEach((partitionMap, offsetMap) -> {
                if (offsetMap != null) {
                    ShardPartition partition = ShardPartition.fromMap(partitionMap);
                    offsets.put(partition, ShardOffset.fromMap(partition, offsetMap));
                }
            });
        }
        partitions.forEach(partition -> Optional.ofNullable(emittedDrained.get(partition))
                .ifPresent(drained -> offsets.put(partition, drained)));
        return offsets;
    }

    /** Records that this task handed Connect the drained marker of a shard. */
    public void emittedDrained(ShardOffset offset) {
        emittedDrained.put(offset.partition(), offset);
    }
}
