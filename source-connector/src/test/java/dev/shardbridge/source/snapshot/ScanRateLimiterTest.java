package dev.shardbridge.source.snapshot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanRateLimiterTest {

    @Test
    void neverHandsOutMoreThanTheCapPerSecond() throws Exception {
        ScanRateLimiter limiter = new ScanRateLimiter(1_000);
        long started = System.nanoTime();
        int taken = 0;
        while (taken < 1_500) {
            int got = limiter.take(200);
            assertThat(got).isBetween(1, 200);
            taken += got;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // 1,500 items at 1,000/s with an empty bucket at start take at least 1.5 s; a cap only bounds from below.
        assertThat(seconds).isGreaterThanOrEqualTo(1.4);
    }

    @Test
    void tokensAPageDidNotUseComeBack() throws Exception {
        ScanRateLimiter limiter = new ScanRateLimiter(100);
        Thread.sleep(1_100);
        assertThat(limiter.take(1_000)).as("the bucket holds at most one second's worth").isEqualTo(100);
        limiter.giveBack(60);
        assertThat(limiter.take(1_000)).isBetween(60, 70);
    }

    @Test
    void refusesACapBelowOneItemPerSecond() {
        assertThatThrownBy(() -> new ScanRateLimiter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
