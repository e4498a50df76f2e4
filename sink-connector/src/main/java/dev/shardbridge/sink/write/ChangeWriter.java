package dev.shardbridge.sink.write;

import dev.shardbridge.sink.task.PendingChange;
import java.util.List;

/**
 * Writes a batch of changes, at most one per item, and returns when every one is durable in the
 * target or rejected.
 */
public interface ChangeWriter extends AutoCloseable {

    /**
     * @param changes changes to distinct items (collapsed)
     * @return the changes the target refused as bad records, with the reason; all others are written
     *         (or were already superseded there)
     * @throws WriteFailedException if a change could not be written for a reason that is not the
     *         record's fault (retries exhausted, access denied, missing table)
     */
    List<Rejection> write(List<PendingChange> changes);

    @Override
    void close();

    /** A change the target will never accept, and why. */
    record Rejection(PendingChange change, String reason) {
    }
}
