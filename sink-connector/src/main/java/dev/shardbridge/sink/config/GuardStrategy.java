package dev.shardbridge.sink.config;

import java.util.Arrays;

/** How the convergence guard is enforced when it is on. */
public enum GuardStrategy {
    /** Every write is a PutItem conditioned on the stored version: safe with any other writer. */
    CONDITIONAL("conditional"),
    /**
     * Stored versions are read in batches and only newer changes written, unconditionally, in batches: far fewer
     * requests, safe only while this connector's tasks are the target items' only writers.
     */
    READ_BEFORE_WRITE("read-before-write");

    private final String configValue;

    GuardStrategy(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    static GuardStrategy fromConfig(String value) {
        return Arrays.stream(values()).filter(s -> s.configValue.equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown guard strategy " + value));
    }

    static String[] configValues() {
        return Arrays.stream(values()).map(GuardStrategy::configValue).toArray(String[]::new);
    }
}
