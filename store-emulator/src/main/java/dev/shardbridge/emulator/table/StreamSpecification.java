package dev.shardbridge.emulator.table;

/**
 * A table's stream setting.
 *
 * @param enabled  whether changes are captured
 * @param viewType what each record carries; null when disabled
 */
public record StreamSpecification(boolean enabled, StreamViewType viewType) {
    public static final StreamSpecification DISABLED = new StreamSpecification(false, null);
}
