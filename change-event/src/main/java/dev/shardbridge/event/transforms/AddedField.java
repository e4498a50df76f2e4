package dev.shardbridge.event.transforms;

import dev.shardbridge.event.ChangeEvent;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Envelope metadata {@link ExtractNewImage} can copy into the document, under names with a
 * {@code __} prefix that DynamoDB items rarely use.
 */
public enum AddedField {
    OP("op", "__op", event -> event.op().code()),
    TABLE("table", "__table", event -> event.source().table()),
    SEQ("seq", "__seq", event -> event.source().sequenceNumber());

    private final String configValue;
    private final String fieldName;
    private final Function<ChangeEvent, String> value;

    AddedField(String configValue, String fieldName, Function<ChangeEvent, String> value) {
        this.configValue = configValue;
        this.fieldName = fieldName;
        this.value = value;
    }

    public String configValue() {
        return configValue;
    }

    /** The document field name, e.g. {@code __op}. */
    public String fieldName() {
        return fieldName;
    }

    /** The value for {@code event}; null where the event has none (snapshot reads have no sequence number). */
    public String valueOf(ChangeEvent event) {
        return value.apply(event);
    }

    static AddedField fromConfig(String value) {
        return Arrays.stream(values()).filter(field -> field.configValue.equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown added field " + value));
    }

    static String[] configValues() {
        return Arrays.stream(values()).map(AddedField::configValue).toArray(String[]::new);
    }
}
