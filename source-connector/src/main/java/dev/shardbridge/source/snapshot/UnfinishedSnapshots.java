package dev.shardbridge.source.snapshot;

import dev.shardbridge.source.offset.SnapshotOffsets;
import dev.shardbridge.source.offset.TableSnapshot;

import java.util.Collection;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The connector's side of snapshots: which tables still need theirs, decided from committed offsets alone. A
 * table needs one while any segment of its current epoch has not committed "done"; a table never seen has no
 * progress, so it needs its first.
 */
public final class UnfinishedSnapshots {

    private final SnapshotOffsets offsets;
    private final int segments;

    /** @param offsets null when snapshots are off */
    public UnfinishedSnapshots(SnapshotOffsets offsets, int segments) {
        this.offsets = offsets;
        this.segments = segments;
    }

    public static UnfinishedSnapshots disabled() {
        return new UnfinishedSnapshots(null, 1);
    }

    /** The snapshots of {@code tables} that are not finished, by table. */
    public SortedMap<String, TableSnapshot> among(Collection<String> tables) {
        SortedMap<String, TableSnapshot> unfinished = new TreeMap<>();
        if (offsets != null) {
            for (String table : tables) {
                TableSnapshot state = offsets.read(table, segments);
                if (!state.complete()) {
                    unfinished.put(table, state);
                }
            }
        }
        return unfinished;
    }
}
