package dev.shardbridge.emulator.fault;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A reproducible sequence of uniform values in [0, 1). The n-th value depends only on the seed and n
 * (SplitMix64 over a counter), so concurrent requests share no generator state beyond one counter,
 * and a test that sends the same requests in the same order sees the same faults on every run.
 */
final class SeededDraws {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final AtomicLong drawn = new AtomicLong();

    SeededDraws(long seed) {
        this.seed = seed;
    }

    double next() {
        long n = drawn.incrementAndGet();
        return (mix(seed + n * GOLDEN_GAMMA) >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
