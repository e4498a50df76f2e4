package dev.shardbridge.source.snapshot;

import dev.shardbridge.source.offset.SnapshotOffsets;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

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

    public Set<String> among(Collection<String> tables) {
        Set<String> unfinished = new TreeSet<>();
        if (offsets != null) {
            tables.stream().filter(table -> !offsets.read(table, segments).complete()).forEach(unfinished::add);
        }
        return unfinished;
    }
}
