package dev.shardbridge.event;

import dev.shardbridge.event.cbor.CborConverter;
import dev.shardbridge.event.cbor.CborEnvelopeReader;
import dev.shardbridge.event.connect.EnvelopeDecoder;
import dev.shardbridge.event.connect.EnvelopeEncoder;
import dev.shardbridge.event.connect.EnvelopeRecord;
import dev.shardbridge.event.connect.EnvelopeSchema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.Converter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every generated event survives source -> converter -> bytes -> converter -> sink unchanged, with
 * JsonConverter (schemas on and off) and with our CBOR converter.
 */
class ConverterRoundTripTest {

    private static final int CASES = 2_400;
    private static final TableKey TABLE_KEY = TableKey.of("pk", "sk");
    private static final String TOPIC = "parcels";

    private static List<ChangeEvent> events;

    @BeforeAll
    static void generate() {
        RandomItems random = new RandomItems(20_240_601L, 1_500);
        events = new ArrayList<>(CASES);
        for (int i = 0; i < CASES; i++) {
            events.add(random.event(TABLE_KEY, i % 11));
        }
    }

    @Test
    void jsonWithSchemasKeepsEveryEventExactly() {
        assertRoundTrips(json(true, false), json(true, true));
    }

    @Test
    void jsonWithoutSchemasKeepsEveryEventExactly() {
        assertRoundTrips(json(false, false), json(false, true));
    }

    @Test
    void cborKeepsEveryEventExactly() {
        assertRoundTrips(cbor(false), cbor(true));
    }

    @Test
    void cborReadsBackTheSameConnectData() {
        Converter values = cbor(false);
        Converter keys = cbor(true);
        for (ChangeEvent event : events) {
            EnvelopeRecord record = EnvelopeEncoder.encode(event);
            SchemaAndValue value = values.toConnectData(TOPIC, values.fromConnectData(TOPIC, record.valueSchema(), record.value()));
            SchemaAndValue key = keys.toConnectData(TOPIC, keys.fromConnectData(TOPIC, record.keySchema(), record.key()));
            assertThat(value.schema()).isSameAs(EnvelopeSchema.ENVELOPE);
            assertThat(value.value()).isEqualTo(record.value());
            assertThat(key.schema()).isSameAs(EnvelopeSchema.KEY);
            assertThat(key.value()).isEqualTo(record.key());
        }
    }

    /** On the sink side the CBOR converter may get envelopes without schemas (and maps in any order). */
    @Test
    void cborWritesSchemalessDataToo() {
        Converter schemaless = json(false, false);
        Converter schemalessKeys = json(false, true);
        Converter values = cbor(false);
        Converter keys = cbor(true);
        for (ChangeEvent event : events) {
            EnvelopeRecord record = EnvelopeEncoder.encode(event);
            Object value = schemaless.toConnectData(TOPIC, schemaless.fromConnectData(TOPIC, record.valueSchema(), record.value())).value();
            Object key = schemalessKeys.toConnectData(TOPIC, schemalessKeys.fromConnectData(TOPIC, record.keySchema(), record.key())).value();

            assertThat(CborEnvelopeReader.read(values.fromConnectData(TOPIC, null, value))).isEqualTo(event);
            assertThat(keys.fromConnectData(TOPIC, null, key))
                    .isEqualTo(keys.fromConnectData(TOPIC, record.keySchema(), record.key()));
        }
    }

    @Test
    void generatorCoversEveryTypeDepthAndEdgeCase() {
        String everything = events.toString();
        for (String type : List.of("S=", "N=", "B=", "BOOL=", "NUL=", "M=", "L=", "SS=", "NS=", "BS=")) {
            assertThat(everything).contains(type);
        }
        assertThat(everything).contains("N=1E-130", "N=-9.9999999999999999999999999999999999999E+125",
                "N=12345678901234567890123456789012345678", "S=)", "\uD83D\uDE00");
        assertThat(events).anySatisfy(event -> assertThat(event.after()).isNull());
        assertThat(events.stream().mapToInt(event -> depth(event.after())).max().orElse(0)).isEqualTo(10);
        assertThat(events).anySatisfy(event -> assertThat(event.toString()).contains("B=SdkBytes(bytes=0x)"));
        assertThat(events.stream().filter(event -> event.toString().length() > 400_000)).hasSizeGreaterThan(1);
    }

    private static void assertRoundTrips(Converter values, Converter keys) {
        for (ChangeEvent event : events) {
            EnvelopeRecord record = EnvelopeEncoder.encode(event);
            byte[] valueBytes = values.fromConnectData(TOPIC, record.valueSchema(), record.value());
            byte[] keyBytes = keys.fromConnectData(TOPIC, record.keySchema(), record.key());

            ChangeEvent read = EnvelopeDecoder.decode(values.toConnectData(TOPIC, valueBytes).value());
            Map<String, ?> key = EnvelopeDecoder.decodeKey(keys.toConnectData(TOPIC, keyBytes).value());

            assertThat(read).isEqualTo(event);
            assertThat(key).isEqualTo(event.key());
        }
    }

    private static int depth(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        if (item == null) {
            return 0;
        }
        return item.values().stream().mapToInt(ConverterRoundTripTest::depth).max().orElse(0);
    }

    private static int depth(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        return switch (value.type()) {
            case M -> 1 + depth(value.m());
            case L -> 1 + value.l().stream().mapToInt(ConverterRoundTripTest::depth).max().orElse(0);
            default -> 0;
        };
    }

    static JsonConverter json(boolean schemas, boolean isKey) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", Boolean.toString(schemas)), isKey);
        return converter;
    }

    static CborConverter cbor(boolean isKey) {
        CborConverter converter = new CborConverter();
        converter.configure(Map.of(), isKey);
        return converter;
    }
}
