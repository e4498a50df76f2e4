package dev.shardbridge.source.read;

import java.util.List;
import java.util.Map;

/**
 * Tells a snapshot whether a table's stream has been read far enough to emit a Scan page, and hurries the
 * reads it waits for. "Far enough" means every change of the table that was visible before a moment has been
 * read: each open shard was read to an empty page by a request made since; a waiting child counts when its
 * parents are open here (it holds nothing until they close); a shard drained here counts once its children
 * are read here too (after a split, pages wait until the connector assigned the children).
 */
final class StreamCatchUp {

    private final List<ShardCursor> cursors;

    StreamCatchUp(List<ShardCursor> cursors) {
        this.cursors = cursors;
    }

    /** Makes the open shards of each table due by the moment its snapshot waits for, instead of sitting out idle backoff. */
    void hurry(Map<String, Long> readAfterByTable) {
        readAfterByTable.forEach((table, after) -> {
            for (ShardCursor cursor : cursors) {
                if (cursor.state() == ShardCursor.State.READING && cursor.partition().table().equals(table)
                        && !cursor.readEmptySince(after)) {
                    cursor.dueBy(after);
                }
            }
        });
    }

    /** Whether every change of {@code table} visible before {@code afterNanos} ({@code System.nanoTime()}) was read. */
    boolean readAfter(String table, long afterNanos) {
        for (ShardCursor cursor : cursors) {
            if (!cursor.partition().table().equals(table)) {
                continue;
            }
            boolean readFarEnough = switch (cursor.state()) {
                case READING -> cursor.readEmptySince(afterNanos);
                case GATED -> cursor.shard().parentShardIds().stream().allMatch(parent -> isReadingHere(table, parent));
                case DONE -> !cursor.drainedHere() || hasChildHere(table, cursor.partition().shardId());
            };
            if (!readFarEnough) {
                return false;
            }
        }
        return true;
    }

    private boolean isReadingHere(String table, String shardId) {
        return cursors.stream().anyMatch(c -> c.state() == ShardCursor.State.READING
                && c.partition().table().equals(table) && c.partition().shardId().equals(shardId));
    }

    private boolean hasChildHere(String table, String shardId) {
        return cursors.stream().anyMatch(c -> c.partition().table().equals(table)
                && c.shard().parentShardIds().contains(shardId));
    }
}
