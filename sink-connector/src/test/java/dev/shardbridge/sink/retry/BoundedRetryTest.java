package dev.shardbridge.sink.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shardbridge.sink.config.RetryPolicy;
import dev.shardbridge.sink.errors.BadRecordException;
import dev.shardbridge.sink.errors.FailureKind;
import dev.shardbridge.sink.errors.UnprocessedItemsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

class BoundedRetryTest {

    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(25));

    private final List<Duration> pauses = new ArrayList<>();
    private final BoundedRetry retry = new BoundedRetry(POLICY, pauses::add);
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void retriesRetriableFailuresWithGrowingBackoffUntilTheWriteLands() {
        String result = retry.run(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new UnprocessedItemsException("replica", 1);
            }
            return "written";
        });

        assertThat(result).isEqualTo("written");
        assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void givesUpAfterTheMaximumAttempts() {
        assertThatThrownBy(() -> retry.run(() -> {
            calls.incrementAndGet();
            throw new UnprocessedItemsException("replica", 1);
        })).isInstanceOf(RetriesExhaustedException.class).hasMessageStartingWith("Write failed after 4 attempt(s)");

        assertThat(calls).hasValue(4);
        assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(25));
    }

    @Test
    void neverRetriesABadRecord() {
        assertThatThrownBy(() -> retry.run(() -> {
            calls.incrementAndGet();
            throw new BadRecordException("no new image");
        })).isInstanceOfSatisfying(RetriesExhaustedException.class,
                e -> assertThat(e.failure().kind()).isEqualTo(FailureKind.BAD_RECORD));

        assertThat(calls).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aFailedGuardCountsAsDone() {
        Object result = retry.run(() -> {
            throw ConditionalCheckFailedException.builder().message("The conditional request failed").build();
        });

        assertThat(result).isNull();
        assertThat(pauses).isEmpty();
    }

    @Test
    void anInterruptStopsRetryingAndStaysSet() {
        BoundedRetry interrupted = new BoundedRetry(POLICY, duration -> {
            throw new InterruptedException();
        });

        assertThatThrownBy(() -> interrupted.run(() -> {
            throw new UnprocessedItemsException("replica", 1);
        })).isInstanceOf(RetriesExhaustedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void jitterWaitsBetweenHalfTheBackoffAndAllOfIt() {
        Random random = new Random(1);
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            waits.add(BoundedRetry.jittered(Duration.ofMillis(101), random));
        }

        assertThat(waits).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(50), Duration.ofMillis(101)))
                .contains(Duration.ofMillis(50), Duration.ofMillis(101));
        assertThat(BoundedRetry.jittered(Duration.ZERO, random)).isZero();
    }
}
