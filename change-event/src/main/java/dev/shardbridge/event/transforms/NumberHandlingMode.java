package dev.shardbridge.event.transforms;

import java.util.Arrays;

/** How {@link ExtractNewImage} types DynamoDB numbers. Both keep every digit; neither uses doubles. */
public enum NumberHandlingMode {
    /**
     * Connect {@code Decimal} (a BigDecimal; scale from the value). Exact and numeric; JsonConverter
     * needs {@code decimal.format=NUMERIC} to print it as a JSON number rather than base64.
     */
    DECIMAL("decimal"),
    /** The decimal string DynamoDB gave, unchanged: exact and readable with any converter. */
    STRING("string");

    private final String configValue;

    NumberHandlingMode(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    static NumberHandlingMode fromConfig(String value) {
        return Arrays.stream(values()).filter(mode -> mode.configValue.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown number handling mode " + value));
    }

    static String[] configValues() {
        return Arrays.stream(values()).map(NumberHandlingMode::configValue).toArray(String[]::new);
    }
}
