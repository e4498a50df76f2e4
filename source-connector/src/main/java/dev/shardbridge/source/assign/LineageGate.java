package dev.shardbridge.source.assign;

import dev.shardbridge.source.offset.ShardOffset;
import dev.shardbridge.source.offset.ShardPartition;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps per-key order across splits and rollovers: a child shard holds the changes that follow its parent's,
 * so it is read only once every parent is drained. Parents may sit on another task or worker, so the
 * evidence is the parents' committed offsets, the same state that survives restarts.
 *
 * <p>A parent without any offset blocks its child: it may simply not have been read yet. Discovery must
 * therefore drop parents the stream no longer lists (trimmed away), or their children would wait forever.
 */
public final class LineageGate {

    private final Function<ShardPartition, Optional<ShardOffset>> offsets;

    /** @param offsets the latest known offset of a shard, e.g. from Connect's offset storage reader */
    public LineageGate(Function<ShardPartition, Optional<ShardOffset>> offsets) {
        this.offsets = offsets;
    }

    public boolean mayRead(DiscoveredShard shard) {
        return undrainedParents(shard).isEmpty();
    }

    /** The parents still holding {@code shard} back, for logs and metrics. */
    public List<String> undrainedParents(DiscoveredShard shard) {
        return shard.parentShardIds().stream()
                .filter(parent -> !drained(new ShardPartition(shard.table(), parent)))
                .toList();
    }

    private boolean drained(ShardPartition parent) {
        return offsets.apply(parent).map(ShardOffset::drained).orElse(false);
    }
}
