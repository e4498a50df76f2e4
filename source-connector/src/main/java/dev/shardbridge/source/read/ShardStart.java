package dev.shardbridge.source.read;

import dev.shardbridge.source.config.StartPosition;
import dev.shardbridge.source.offset.ShardOffset;

import java.util.Collection;
import java.util.Optional;

/**
 * Where reading a shard begins, decided from offsets alone so every task and every restart decides alike.
 *
 * <p>A committed offset wins: resume after its sequence number, or nothing to do once drained. Without one,
 * {@code trim_horizon} reads the whole retained shard. {@code latest} means "changes from now on", which for
 * a child shard is subtle: a child holds the changes that follow its parent's, so if the parent was read
 * (followed while open, whether or not it had records) the child must be read from its beginning or the
 * changes written between the split and the child's first read would be lost. Only a child whose parents were
 * all skipped (closed before the connector first reached them) starts at {@code latest} itself.
 */
public sealed interface ShardStart {

    /** Read from the first retained record. */
    record TrimHorizon() implements ShardStart {
    }

    /** Read only records written after the iterator is obtained. */
    record Latest() implements ShardStart {
    }

    /** Continue after the last emitted record. */
    record After(String sequenceNumber) implements ShardStart {
    }

    /** The shard is drained; nothing is left to read. */
    record Done() implements ShardStart {
    }

    static ShardStart decide(Optional<ShardOffset> own, Collection<ShardOffset> parents, StartPosition configured) {
        if (own.isPresent()) {
            ShardOffset offset = own.get();
            if (offset.drained()) {
                return new Done();
            }
            return new After(offset.lastSequenceNumber().orElseThrow());
        }
        // A snapshot fixes the stream position before its scan by reading from the oldest retained record.
        if (configured != StartPosition.LATEST) {
            return new TrimHorizon();
        }
        boolean parentWasRead = parents.stream().anyMatch(parent -> !parent.skipped());
        return parentWasRead ? new TrimHorizon() : new Latest();
    }
}
