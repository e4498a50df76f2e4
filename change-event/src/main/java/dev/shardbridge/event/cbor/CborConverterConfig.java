package dev.shardbridge.event.cbor;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.connect.storage.ConverterConfig;

import java.util.Map;

/** Configuration of {@link CborConverter}. */
public class CborConverterConfig extends ConverterConfig {

    public static final String FORMAT_CONFIG = "format";
    public static final String FORMAT_DEFAULT = CborFormat.ENVELOPE.configValue();
    private static final String FORMAT_DOC = "Layout of record values: 'envelope' writes the change envelope"
            + " (before, after, key, source, op, ts_ms) and reads it back; 'tablestore-sync-v1' writes the payload"
            + " of Tablestore triggers ({\"Version\":\"Sync-v1\",\"Records\":[...]}) and cannot be read back."
            + " Keys are always written as the primary key map.";

    private static final ConfigDef CONFIG = ConverterConfig.newConfigDef()
            .define(FORMAT_CONFIG, Type.STRING, FORMAT_DEFAULT,
                    ConfigDef.CaseInsensitiveValidString.in(CborFormat.configValues()),
                    Importance.MEDIUM, FORMAT_DOC);

    public CborConverterConfig(Map<String, ?> props) {
        super(CONFIG, props);
    }

    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    public CborFormat format() {
        return CborFormat.fromConfig(getString(FORMAT_CONFIG));
    }
}
