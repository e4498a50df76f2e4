package dev.shardbridge.emulator.stream;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Every stream still readable, by ARN in ascending order (the order ListStreams pages in), including
 * disabled streams and those of deleted tables until their records age out.
 */
public final class StreamRegistry {
    private final ConcurrentSkipListMap<String, TableStream> byArn = new ConcurrentSkipListMap<>();

    void register(TableStream stream) {
        byArn.put(stream.arn(), stream);
    }

    boolean contains(String arn) {
        return byArn.containsKey(arn);
    }

    /** The stream, or null when it does not exist. */
    public TableStream stream(String arn) {
        return byArn.get(arn);
    }

    /** Streams in ARN order, optionally of one table only, after an exclusive start ARN. */
    public List<TableStream> list(String tableName, String exclusiveStartArn) {
        var candidates = exclusiveStartArn == null ? byArn.values() : byArn.tailMap(exclusiveStartArn, false).values();
        return candidates.stream().filter(s -> tableName == null || s.tableName().equals(tableName)).toList();
    }

    /** Applies retention to every stream and forgets the ones that have aged out entirely. */
    void trim(long cutoffMillis) {
        byArn.values().removeIf(stream -> stream.trim(cutoffMillis));
    }
}
