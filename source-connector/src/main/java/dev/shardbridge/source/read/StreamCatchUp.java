package dev.shardbridge.source.read;

import software.amazon.awssdk.services.dynamodb.model.Record;

import java.util.List;
import java.util.Map;

/**
 * Tells a snapshot whether a table's stream has been read far enough to emit a Scan page, and hurries the
 * reads it waits for. "Far enough" means every change of the table that was visible before a moment has been
 * read: each open shard was read to its newest record ({@link #reachedTip}) by a request made since; a waiting child counts when its
 * parents are open here (it holds nothing until they close); a shard drained here counts once its children
 * are read here too (after a split, pages wait until the connector assigned the children).
 */
final class StreamCatchUp {

    private final List<ShardCursor> cursors;

    StreamCatchUp(List<ShardCursor> cursors) {
        this.cursors = cursors;
    }

    /** A GetRecords page ends at 1 MB or at the record limit, whichever comes first. */
    static final long PAGE_BYTES = 1024 * 1024;

    /**
     * Whether a page holds everything its shard had when it was requested: it is empty, or neither the record
     * limit nor the 1 MB page limit cut it short. Waiting for an empty page instead would hold snapshot pages
     * back for as long as the table is written faster than a read takes.
     */
    static boolean reachedTip(List<Record> records, int limit) {
        if (records.isEmpty()) {
            return true;
        }
        if (records.size() >= limit) {
            return false;
        }
        long bytes = 0;
        for (Record record : records) {
            Long size = record.dynamodb() == null ? null : record.dynamodb().sizeBytes();
            // Without a size the page might have been cut by bytes: no proof of the newest record.
            if (size == null) {
                return false;
            }
            bytes += size;
        }
        // Half the limit leaves room for what SizeBytes does not count (attribute names, event metadata).
        return bytes < PAGE_BYTES / 2;
    }

    /** Makes the open shards of each table due by the moment its snapshot waits for, instead of sitting out idle backoff. */
    void hurry(Map<String, Long> readAfterByTable) {
        readAfterByTable.forEach((table, after) -> {
            for (ShardCursor cursor : cursors) {
                if (cursor.state() == ShardCursor.State.READING && cursor.partition().table().equals(table)
                        && !cursor.readToTipSince(after)) {
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
                case READING -> cursor.readToTipSince(afterNanos);
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
