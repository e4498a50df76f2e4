package dev.shardbridge.source.read;

import dev.shardbridge.source.config.IdleBackoff;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PollPacingTest {

    private static final IdleBackoff IDLE = new IdleBackoff(Duration.ofMillis(50), Duration.ofMillis(300));

    /** Jitter that always picks the largest allowed value, so the ceiling is visible. */
    private static PollPacing atCeiling() {
        return new PollPacing(IDLE, bound -> bound - 1);
    }

    @Test
    void aPageWithRecordsIsFollowedAtOnce() {
        assertThat(atCeiling().afterRecords()).isZero();
    }

    @Test
    void quietShardsBackOffFromMinimumToMaximum() {
        PollPacing pacing = atCeiling();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            delays.add(pacing.afterEmptyPage().toMillis());
        }
        assertThat(delays).containsExactly(50L, 100L, 200L, 300L, 300L);
    }

    @Test
    void recordsResetTheIdleBackoff() {
        PollPacing pacing = atCeiling();
        pacing.afterEmptyPage();
        pacing.afterEmptyPage();
        pacing.afterRecords();
        assertThat(pacing.afterEmptyPage()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void aZeroMinimumStillGrows() {
        PollPacing pacing = new PollPacing(new IdleBackoff(Duration.ZERO, Duration.ofMillis(4)), bound -> 0);
        assertThat(List.of(pacing.afterEmptyPage(), pacing.afterEmptyPage(), pacing.afterEmptyPage(),
                pacing.afterEmptyPage())).extracting(Duration::toMillis).containsExactly(1L, 2L, 4L, 4L);
    }

    @Test
    void throttlesBackOffExponentiallyUpToTheCap() {
        PollPacing pacing = atCeiling();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            delays.add(pacing.afterThrottle().toMillis());
        }
        assertThat(delays).startsWith(100L, 200L, 400L, 800L).endsWith(10_000L, 10_000L);
    }

    @Test
    void throttleDelaysAreJitteredWithinTheCeiling() {
        Random random = new Random(3);
        PollPacing pacing = new PollPacing(IDLE, bound -> random.nextLong(bound));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pacing.afterRecords();
            delays.add(pacing.afterThrottle().toMillis());
        }
        assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(0L, 100L));
        assertThat(delays.stream().distinct().count()).isGreaterThan(10);
    }

    @Test
    void successResetsTheThrottleBackoff() {
        PollPacing pacing = atCeiling();
        pacing.afterThrottle();
        pacing.afterThrottle();
        pacing.afterRecords();
        assertThat(pacing.afterThrottle()).isEqualTo(Duration.ofMillis(100));
    }
}
