package dev.shardbridge.source.config;

import java.util.Arrays;

/**
 * What a task does when its position has already been trimmed from the stream (records older than the
 * retention period). Losing changes is never silent: either the task fails or the gap is logged and counted.
 */
public enum TrimmedDataPolicy {
    /** Fail the task; an operator decides (for instance by resetting offsets). */
    FAIL("fail"),
    /** Continue from the oldest retained record, with a loud warning and a counted gap. */
    SKIP("skip");

    private final String configValue;

    TrimmedDataPolicy(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    static TrimmedDataPolicy fromConfig(String value) {
        return Arrays.stream(values()).filter(p -> p.configValue.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown trimmed data policy " + value));
    }

    static String[] configValues() {
        return Arrays.stream(values()).map(TrimmedDataPolicy::configValue).toArray(String[]::new);
    }
}
