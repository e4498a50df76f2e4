package dev.shardbridge.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(350));

        assertThat(policy.backoffBefore(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoffBefore(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoffBefore(3)).isEqualTo(Duration.ofMillis(350));
        assertThat(policy.backoffBefore(1_000)).isEqualTo(Duration.ofMillis(350));
    }

    @Test
    void zeroBackoffNeverWaits() {
        assertThat(new RetryPolicy(3, Duration.ZERO, Duration.ZERO).backoffBefore(5)).isZero();
    }

    @Test
    void rejectsInconsistentBounds() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
