package dev.shardbridge.event.cbor;

import org.apache.kafka.common.config.ConfigException;

import java.util.Arrays;

/** The layouts {@link CborConverter} writes values in. */
public enum CborFormat {
    /** The change envelope, readable back into the same Connect data. */
    ENVELOPE("envelope"),
    /** Tablestore's trigger payload; write-only, since it drops the source block and old values. */
    TABLESTORE_SYNC_V1("tablestore-sync-v1");

    private final String configValue;

    CborFormat(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static CborFormat fromConfig(String value) {
        return Arrays.stream(values())
                .filter(format -> format.configValue.equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new ConfigException(CborConverterConfig.FORMAT_CONFIG, value,
                        "Expected one of " + Arrays.toString(configValues())));
    }

    static String[] configValues() {
        return Arrays.stream(values()).map(CborFormat::configValue).toArray(String[]::new);
    }
}
