package dev.shardbridge.sink.retry;

import dev.shardbridge.sink.errors.Failure;

/** A write that kept failing retriably until the retry bounds ran out, or failed in a way retrying cannot fix. */
public class RetriesExhaustedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Failure failure;
    private final int attempts;

    public RetriesExhaustedException(Failure failure, int attempts, Throwable cause) {
        super("Write failed after " + attempts + " attempt(s): " + failure.reason(), cause);
        this.failure = failure;
        this.attempts = attempts;
    }

    /** The classification of the last failure. */
    public Failure failure() {
        return failure;
    }

    public int attempts() {
        return attempts;
    }
}
