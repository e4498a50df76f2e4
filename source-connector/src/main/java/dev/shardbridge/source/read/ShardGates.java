package dev.shardbridge.source.read;

import dev.shardbridge.source.assign.LineageGate;
import dev.shardbridge.source.config.StartPosition;
import dev.shardbridge.source.offset.ShardOffset;
import dev.shardbridge.source.offset.ShardOffsets;
import dev.shardbridge.source.offset.ShardPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Opens a task's waiting shards once their parents are drained, each at the position its offsets call for.
 * Parents' offsets are fetched for all waiting shards at once, since every fetch reads Connect's offset topic.
 */
final class ShardGates {

    private static final Logger log = LoggerFactory.getLogger(ShardGates.class);

    private final DynamoDbStreamsClient streams;
    private final ShardOffsets offsets;
    private final Map<ShardPartition, ShardOffset> ownOffsets;
    private final StartPosition startPosition;
    private final int limit;
    private final LineageGate gate;
    private final ReadFailures failures;
    private final Predicate<String> tableReadBefore;
    private Map<ShardPartition, ShardOffset> parentOffsets = Map.of();

    /** @param ownOffsets the offsets of the task's own shards, read once at start: only this task writes them */
    ShardGates(DynamoDbStreamsClient streams, ShardOffsets offsets, Map<ShardPartition, ShardOffset> ownOffsets,
               StartPosition startPosition, int limit, ReadFailures failures, Predicate<String> tableReadBefore) {
        this.failures = failures;
        this.tableReadBefore = tableReadBefore;
        this.streams = streams;
        this.offsets = offsets;
        this.ownOffsets = ownOffsets;
        this.startPosition = startPosition;
        this.limit = limit;
        this.gate = new LineageGate(partition -> Optional.ofNullable(parentOffsets.get(partition)));
    }

    /** Opens (or finishes, when already drained) every waiting cursor whose parents are all drained. */
    void openReady(List<ShardCursor> cursors, long nowNanos) {
        List<ShardCursor> waiting = cursors.stream().filter(c -> c.state() == ShardCursor.State.GATED).toList();
        if (waiting.isEmpty()) {
            return;
        }
        parentOffsets = offsets.fetch(parentsOf(waiting));
        waiting.stream().filter(cursor -> gate.mayRead(cursor.shard())).forEach(cursor -> open(cursor, nowNanos));
    }

    private void open(ShardCursor cursor, long nowNanos) {
        Optional<ShardOffset> own = Optional.ofNullable(ownOffsets.get(cursor.partition()));
        if (own.isEmpty()) {
            checkTrimmedParents(cursor);
        }
        Collection<ShardOffset> parents = cursor.shard().parentShardIds().stream()
                .map(parent -> parentOffsets.get(new ShardPartition(cursor.partition().table(), parent))).toList();
        ShardStart start = ShardStart.decide(own, parents, startPosition);
        if (start instanceof ShardStart.Done) {
            cursor.finish();
            return;
        }
        log.debug("Shard {} opens at {}", cursor, start);
        cursor.open(new ShardReader(streams, cursor.streamShard().streamArn(), cursor.partition().shardId(), start,
                limit), nowNanos);
    }

    /**
     * Whether changes were lost with a parent the stream no longer lists. Certainly, when the parent's offset
     * says it was being read and not finished: the trimmed-data policy (or a re-snapshot) decides. Probably,
     * when the parent has no offset although the connector read the table before ({@code tableReadBefore},
     * known from its snapshot offsets): every shard it passed through would have a drained offset, so the
     * parent's lineage aged out unread while the connector was away; only a re-snapshot acts on that, since a
     * false alarm there costs a scan, not a failed task. Checked only while the child has no offset of its own.
     */
    private void checkTrimmedParents(ShardCursor cursor) {
        List<ShardPartition> trimmed = cursor.shard().trimmedParentShardIds().stream()
                .map(parent -> new ShardPartition(cursor.partition().table(), parent)).toList();
        if (trimmed.isEmpty()) {
            return;
        }
        Map<ShardPartition, ShardOffset> found = offsets.fetch(trimmed);
        for (ShardPartition parent : trimmed) {
            ShardOffset offset = found.get(parent);
            if (offset != null && !offset.drained()) {
                failures.parentTrimmed(cursor, offset);
                return;
            }
            if (offset == null && tableReadBefore != null && tableReadBefore.test(parent.table())) {
                failures.parentTrimmedUnread(cursor, parent);
                return;
            }
        }
    }

    private static List<ShardPartition> parentsOf(List<ShardCursor> waiting) {
        return waiting.stream().flatMap(cursor -> cursor.shard().parentShardIds().stream()
                .map(parent -> new ShardPartition(cursor.partition().table(), parent))).distinct().toList();
    }
}
