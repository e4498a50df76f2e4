package dev.shardbridge.sink.retry;

import dev.shardbridge.sink.config.RetryPolicy;
import dev.shardbridge.sink.errors.Failure;
import dev.shardbridge.sink.errors.FailureClassifier;
import dev.shardbridge.sink.errors.FailureKind;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import java.util.function.Supplier;

/**
 * Runs one write under the sink's retry policy. Only failures the classifier calls retriable are
 * retried; a stale change counts as done, anything else is handed back at once, so a bad record
 * is never retried and a fatal error never waits out the backoff.
 *
 * <p>Retrying a write is safe because every sink write is a guarded whole-item put: a retry of a
 * write that did land fails its condition and is reported as already applied.
 */
public final class BoundedRetry {

    /** Waits between attempts; a parameter so tests need not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    /**
     * Sleeps a random time between half the backoff and the whole of it ("equal jitter"): many
     * writes throttled at the same moment then come back spread out instead of in one burst that
     * is throttled again, while each still waits at least half its backoff.
     */
    public static final Sleeper JITTERED = duration ->
            Thread.sleep(jittered(duration, ThreadLocalRandom.current()).toMillis());

    /** A time between half of {@code backoff} and all of it, drawn from {@code random}. */
    static Duration jittered(Duration backoff, RandomGenerator random) {
        long millis = backoff.toMillis();
        return Duration.ofMillis(millis / 2 + random.nextLong(millis - millis / 2 + 1));
    }

    public BoundedRetry(RetryPolicy policy) {
        this(policy, JITTERED);
    }

    public BoundedRetry(RetryPolicy policy, Sleeper sleeper) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * @return the write's result, or null if the guard reported the change as already applied
     * @throws RetriesExhaustedException for a non-retriable failure or when the attempts run out
     */
    public <T> T run(Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                Failure failure = FailureClassifier.classify(e);
                if (failure.kind() == FailureKind.ALREADY_APPLIED) {
                    return null;
                }
                if (!failure.isRetriable() || attempt >= policy.maxAttempts()) {
                    throw new RetriesExhaustedException(failure, attempt, e);
                }
                pause(policy.backoffBefore(attempt), failure, attempt, e);
            }
        }
    }

    private void pause(Duration backoff, Failure failure, int attempt, RuntimeException cause) {
        try {
            sleeper.sleep(backoff);
        } catch (InterruptedException interrupted) {
            // The task is being stopped: keep the interrupt for the caller and stop retrying.
            Thread.currentThread().interrupt();
            throw new RetriesExhaustedException(failure, attempt, cause);
        }
    }
}
