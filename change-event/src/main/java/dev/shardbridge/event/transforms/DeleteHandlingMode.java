package dev.shardbridge.event.transforms;

import java.util.Arrays;

/** What {@link ExtractNewImage} makes of a delete, which has no new image to extract. */
public enum DeleteHandlingMode {
    /** Drop the record: document consumers never hear of the delete. */
    DROP("drop"),
    /** Keep the key with a null value: a compacted topic forgets the document. */
    TOMBSTONE("tombstone"),
    /** Emit the old image (or just the key) with {@code __deleted = "true"}; other records get "false". */
    REWRITE("rewrite");

    private final String configValue;

    DeleteHandlingMode(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    static DeleteHandlingMode fromConfig(String value) {
        return Arrays.stream(values()).filter(mode -> mode.configValue.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown delete handling mode " + value));
    }

    static String[] configValues() {
        return Arrays.stream(values()).map(DeleteHandlingMode::configValue).toArray(String[]::new);
    }
}
