package dev.shardbridge.emulator.table;

/**
 * What one item write did.
 *
 * @param before the item before the write, or null when there was none
 * @param after  the item after the write, or null when it was deleted or never existed
 */
public record WriteOutcome(StoredItem before, StoredItem after) {

    /** Whether the write changed anything; no-op writes produce no stream record. */
    public boolean changed() {
        if (before == null || after == null) {
            return before != after;
        }
        return !before.attributes().equals(after.attributes());
    }
}
