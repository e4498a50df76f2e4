package dev.shardbridge.sink.write;

import dev.shardbridge.sink.guard.SourcePosition;
import dev.shardbridge.sink.task.PendingChange;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The convergence guard without a condition per item: the stored versions of a batch's items are read first
 * (BatchGetItem, 100 keys a request), changes the target already holds or has superseded are dropped, and the
 * rest go out as BatchWriteItem requests of up to 25 items. That is about 5 requests per 100 changes instead
 * of 100 conditional PutItems.
 *
 * <p>It is only as safe as its assumption: between the read and the write no one else writes these items.
 * That holds when this connector's tasks are the only writers of the target table and every item's changes
 * come on one Kafka partition (the source connector keys records by primary key), because Connect gives a
 * partition to one task at a time and a task finishes its writes before {@code put} returns. Any other writer
 * can be overwritten by an older change; use the conditional guard then.
 */
public final class VersionCheckedBatches implements ChangeWriter {

    private final StoredVersions versions;
    private final UnguardedBatches batches;

    public VersionCheckedBatches(StoredVersions versions, UnguardedBatches batches) {
        this.versions = versions;
        this.batches = batches;
    }

    @Override
    public List<Rejection> write(List<PendingChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        Map<PendingChange, Optional<String>> stored = versions.read(changes);
        List<PendingChange> newer = changes.stream().filter(change -> stored.get(change)
                .map(version -> version.compareTo(SourcePosition.of(change.event()).versionValue()) < 0)
                .orElse(true)).toList();
        return batches.write(newer);
    }

    @Override
    public void close() {
        versions.close();
        batches.close();
    }
}
