package dev.shardbridge.source.config;

import java.util.Arrays;

/**
 * When a table is scanned under {@code start.position=snapshot}, in the manner of Debezium's snapshot modes.
 * A table's snapshot is finished when every scan segment of its current epoch has committed "done".
 */
public enum SnapshotMode {
    /** Scan each table once, the first time the connector meets it, then stream its changes. */
    INITIAL("initial"),
    /** Scan each table once and never read its stream: a one-off export. */
    INITIAL_ONLY("initial_only"),
    /** Never scan: stream from the oldest retained record, as {@code start.position=trim_horizon} does. */
    NEVER("never"),
    /**
     * Like {@link #INITIAL}, and scan the table again (a new epoch) whenever a stored stream position turns out to
     * be trimmed: the stream then continues at the oldest retained record and the new scan fills the gap.
     */
    WHEN_NEEDED("when_needed");

    private final String configValue;

    SnapshotMode(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    /** Whether this mode reads the tables' streams at all. */
    public boolean streams() {
        return this != INITIAL_ONLY;
    }

    static SnapshotMode fromConfig(String value) {
        return Arrays.stream(values()).filter(m -> m.configValue.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown snapshot mode " + value));
    }

    static String[] configValues() {
        return Arrays.stream(values()).map(SnapshotMode::configValue).toArray(String[]::new);
    }
}
