package dev.shardbridge.event.cbor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Values;
import org.apache.kafka.connect.errors.DataException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Header values as plain CBOR. Headers are small, loosely typed values, so unlike record values
 * they are written generically and read back with an inferred schema, as Kafka's
 * {@code SimpleHeaderConverter} does for strings.
 */
final class CborHeaderCodec {

    private static final ObjectMapper MAPPER = new CBORMapper(CborStreams.FACTORY);

    private CborHeaderCodec() {
    }

    static byte[] write(String headerKey, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsBytes(plain(value));
        } catch (JsonProcessingException e) {
            throw new DataException("Cannot write header '" + headerKey + "' as CBOR: " + e.getOriginalMessage(), e);
        }
    }

    static SchemaAndValue read(String headerKey, byte[] bytes) {
        if (bytes == null) {
            return SchemaAndValue.NULL;
        }
        try {
            Object value = MAPPER.readValue(bytes, Object.class);
            return new SchemaAndValue(value == null ? null : Values.inferSchema(value), value);
        } catch (IOException e) {
            throw new DataException("Header '" + headerKey + "' is not valid CBOR: " + e.getMessage(), e);
        }
    }

    /** Connect's own containers as the plain Java values Jackson writes natively. */
    private static Object plain(Object value) {
        if (value instanceof Struct struct) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Field field : struct.schema().fields()) {
                fields.put(field.name(), plain(struct.get(field)));
            }
            return fields;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> entries = new LinkedHashMap<>();
            map.forEach((key, entry) -> entries.put(key, plain(entry)));
            return entries;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> elements = new ArrayList<>(collection.size());
            collection.forEach(element -> elements.add(plain(element)));
            return elements;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        return value;
    }
}
