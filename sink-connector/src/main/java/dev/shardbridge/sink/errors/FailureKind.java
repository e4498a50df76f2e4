package dev.shardbridge.sink.errors;

/** How the sink reacts to a failed record or write. */
public enum FailureKind {
    /** Transient: retry the same write with backoff (throttling, 5xx, unprocessed items, I/O). */
    RETRIABLE,
    /** The record itself cannot be written: report it to the errant-record reporter (DLQ). */
    BAD_RECORD,
    /** The guard refused a stale or replayed change: the target is already past it. */
    ALREADY_APPLIED,
    /** Retrying cannot help and the record is not to blame (missing table, access denied): stop the task. */
    FATAL
}
