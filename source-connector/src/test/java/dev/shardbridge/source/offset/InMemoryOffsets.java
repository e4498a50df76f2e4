package dev.shardbridge.source.offset;

import org.apache.kafka.connect.storage.OffsetStorageReader;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Connect's offset storage as a map: what tests commit here, tasks and the connector read back. */
public final class InMemoryOffsets implements OffsetStorageReader {

    private final Map<Map<String, ?>, Map<String, Object>> committed = new ConcurrentHashMap<>();

    public void commit(ShardOffset offset) {
        committed.put(offset.partition().toMap(), offset.toMap());
    }

    /** Commits the offset a Connect record carries, as the worker would after the record is written. */
    public void commit(Map<String, ?> partition, Map<String, ?> offset) {
        committed.put(Map.copyOf(partition), Map.copyOf(offset));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        return committed.get(partition);
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<Map<String, T>, Map<String, Object>> found = new HashMap<>();
        partitions.forEach(partition -> found.put(partition, committed.get(partition)));
        return found;
    }
}
