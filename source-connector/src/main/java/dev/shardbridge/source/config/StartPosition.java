package dev.shardbridge.source.config;

import java.util.Arrays;

/** Where a shard is read from when Connect has no offset for it yet. */
public enum StartPosition {
    /** The oldest record still retained: nothing the stream kept is missed. */
    TRIM_HORIZON("trim_horizon"),
    /** Only records written after the shard is first opened by a task. */
    LATEST("latest"),
    /**
     * Scan each table first (see {@code snapshot.mode}) while reading its stream from the oldest retained record,
     * so the stream position is fixed before the scan begins and nothing written during the scan is missed.
     */
    SNAPSHOT("snapshot");

    private final String configValue;

    StartPosition(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    static StartPosition fromConfig(String value) {
        return Arrays.stream(values()).filter(p -> p.configValue.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown start position " + value));
    }

    static String[] configValues() {
        return Arrays.stream(values()).map(StartPosition::configValue).toArray(String[]::new);
    }
}
