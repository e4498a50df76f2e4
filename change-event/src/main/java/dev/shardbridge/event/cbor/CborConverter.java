package dev.shardbridge.event.cbor;

import dev.shardbridge.event.ProjectVersion;
import dev.shardbridge.event.connect.EnvelopeDecoder;
import dev.shardbridge.event.connect.EnvelopeSchema;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;
import org.apache.kafka.connect.storage.HeaderConverter;

import java.util.HashMap;
import java.util.Map;

/**
 * A Connect converter for change events in CBOR (RFC 8949), for {@code key.converter},
 * {@code value.converter} and {@code header.converter}.
 *
 * <p>Keys are the primary key map. Values are the change envelope ({@code format=envelope}, read
 * back into exactly the Connect data that was written) or Tablestore's trigger payload
 * ({@code format=tablestore-sync-v1}, write-only). Either way binary stays binary, numbers stay
 * exact and sets are tagged as sets; see docs/record-format.md. Unlike JsonConverter it needs no
 * schema in the payload, because the schemas of change events are fixed ({@link EnvelopeSchema}).
 */
public class CborConverter implements Converter, HeaderConverter {

    private boolean isKey;
    private CborFormat format = CborFormat.ENVELOPE;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        configure(configs, isKey ? ConverterType.KEY : ConverterType.VALUE);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        configure(configs, ConverterType.HEADER);
    }

    private void configure(Map<String, ?> configs, ConverterType type) {
        Map<String, Object> withType = new HashMap<>(configs);
        withType.put(ConverterConfig.TYPE_CONFIG, type.getName());
        CborConverterConfig config = new CborConverterConfig(withType);
        this.isKey = config.type() == ConverterType.KEY;
        this.format = config.format();
    }

    @Override
    public ConfigDef config() {
        return CborConverterConfig.configDef();
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        try {
            if (isKey) {
                return CborEnvelopeWriter.writeKey(EnvelopeDecoder.keyNodes(value));
            }
            return switch (format) {
                case ENVELOPE -> CborEnvelopeWriter.write(EnvelopeDecoder.view(value));
                case TABLESTORE_SYNC_V1 -> SyncV1Writer.write(EnvelopeDecoder.decode(value));
            };
        } catch (DataException e) {
            throw new DataException("Cannot write " + what() + " for topic " + topic + " as CBOR: " + e.getMessage(), e);
        }
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        try {
            if (isKey) {
                return new SchemaAndValue(EnvelopeSchema.KEY, CborEnvelopeReader.readKeyStruct(value));
            }
            if (format == CborFormat.TABLESTORE_SYNC_V1) {
                throw new DataException("format=" + format.configValue() + " is write-only; read with format="
                        + CborFormat.ENVELOPE.configValue() + " from a topic written in that format");
            }
            return new SchemaAndValue(EnvelopeSchema.ENVELOPE, CborEnvelopeReader.readStruct(value));
        } catch (DataException e) {
            throw new DataException("Cannot read CBOR " + what() + " from topic " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return CborHeaderCodec.write(headerKey, value);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return CborHeaderCodec.read(headerKey, value);
    }

    @Override
    public String version() {
        return ProjectVersion.get();
    }

    @Override
    public void close() {
        // Nothing to release: the CBOR factory is shared and stateless between calls.
    }

    private String what() {
        return isKey ? "key" : "value";
    }
}
