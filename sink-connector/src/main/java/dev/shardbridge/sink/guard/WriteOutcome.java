package dev.shardbridge.sink.guard;

/** What a guarded write did to the target item. */
public enum WriteOutcome {
    /** The change was newer than the target's state and is now the item's state. */
    APPLIED,
    /**
     * The target already holds this change or a newer one: a replay or a stale change. Not an
     * error; the record's offset may be committed.
     */
    ALREADY_APPLIED
}
