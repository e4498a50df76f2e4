package dev.shardbridge.sink.errors;

import java.util.Objects;

/**
 * A classified failure: what to do, and a reason fit for a DLQ header or a task's error message.
 *
 * @param kind   how to react
 * @param reason a one-line explanation for operators
 */
public record Failure(FailureKind kind, String reason) {

    public Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean isRetriable() {
        return kind == FailureKind.RETRIABLE;
    }
}
