package dev.shardbridge.event.cbor;

import com.upokecenter.cbor.CBORObject;
import dev.shardbridge.event.ProjectVersion;
import dev.shardbridge.event.SampleEvents;
import dev.shardbridge.event.connect.EnvelopeEncoder;
import dev.shardbridge.event.connect.EnvelopeRecord;
import dev.shardbridge.event.connect.EnvelopeSchema;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CborConverterTest {

    private final CborConverter values = converter(Map.of(), false);
    private final CborConverter keys = converter(Map.of(), true);
    private final EnvelopeRecord insert = EnvelopeEncoder.encode(SampleEvents.insert());
    private final byte[] insertBytes = values.fromConnectData("parcels", insert.valueSchema(), insert.value());

    @Test
    void tombstonesStayNull() {
        assertThat(values.fromConnectData("parcels", null, null)).isNull();
        assertThat(values.toConnectData("parcels", null)).isEqualTo(SchemaAndValue.NULL);
    }

    @Test
    void truncatedBytesAreADataExceptionSayingSo() {
        byte[] truncated = Arrays.copyOf(insertBytes, insertBytes.length - 5);
        assertThatThrownBy(() -> values.toConnectData("parcels", truncated))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("Cannot read CBOR value from topic parcels: Malformed or truncated CBOR change envelope: Unexpected end-of-input");
    }

    @Test
    void anUntaggedSetIsADataExceptionNamingTheAttribute() {
        byte[] untagged = encode("{\"op\": \"c\", \"key\": {\"k\": {\"S\": \"1\"}}, \"before\": null,"
                + " \"after\": {\"tags\": {\"SS\": [\"a\"]}}, \"source\": " + source() + ", \"ts_ms\": 1}");
        assertThatThrownBy(() -> values.toConnectData("parcels", untagged))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot read CBOR value from topic parcels: after.tags: a set must be a CBOR array tagged 258, found no tag");
    }

    @Test
    void aWrongTagIsADataExceptionNamingTheAttribute() {
        CBORObject envelope = CBORObject.DecodeFromBytes(insertBytes);
        envelope.get("after").set("status", CBORObject.NewMap().Add("S", CBORObject.FromObjectAndTag("RECEIVED", 0)));
        assertThatThrownBy(() -> values.toConnectData("parcels", envelope.EncodeToBytes()))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot read CBOR value from topic parcels: after.status: unexpected CBOR tag 0");

        envelope.get("after").set("status", CBORObject.NewMap().Add("SS", CBORObject.FromObjectAndTag(CBORObject.NewArray().Add("a"), 259)));
        assertThatThrownBy(() -> values.toConnectData("parcels", envelope.EncodeToBytes()))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot read CBOR value from topic parcels: after.status: a set must be a CBOR array tagged 258, found tag 259");
    }

    @Test
    void bytesThatAreNotAnEnvelopeAreADataExceptionSayingWhatIsMissing() {
        assertThatThrownBy(() -> values.toConnectData("parcels", encode("{\"before\": null, \"after\": null}")))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot read CBOR value from topic parcels: CBOR value is not a change envelope: it has no 'op'");
        assertThatThrownBy(() -> values.toConnectData("parcels", encode("[1, 2]")))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot read CBOR value from topic parcels: CBOR value is not a change envelope: expected a map, found START_ARRAY");
        assertThatThrownBy(() -> values.toConnectData("parcels", "{\"op\":\"c\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot read CBOR value from topic parcels: CBOR value is not a change envelope: expected a map, found VALUE_STRING");
        assertThatThrownBy(() -> values.toConnectData("parcels", concat(insertBytes, new byte[] {1})))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot read CBOR value from topic parcels: Unexpected VALUE_NUMBER_INT after the CBOR change envelope");
    }

    @Test
    void numbersMustBeExactAndNumeric() {
        CBORObject envelope = CBORObject.DecodeFromBytes(insertBytes);
        envelope.get("after").set("weight_kg", CBORObject.NewMap().Add("N", CBORObject.FromObject(2.75d)));
        assertThatThrownBy(() -> values.toConnectData("parcels", envelope.EncodeToBytes()))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot read CBOR value from topic parcels: after.weight_kg: a number must be an integer,"
                        + " a decimal fraction (tag 4) or a decimal string, not a floating-point value (inexact)");

        envelope.get("after").set("weight_kg", CBORObject.NewMap().Add("N", "heavy"));
        assertThatThrownBy(() -> values.toConnectData("parcels", envelope.EncodeToBytes()))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot read CBOR value from topic parcels: after.weight_kg: not a DynamoDB number: 'heavy'");
    }

    @Test
    void connectDataThatIsNotAnEnvelopeIsADataException() {
        Schema other = SchemaBuilder.struct().name("other").field("id", Schema.INT32_SCHEMA).build();
        assertThatThrownBy(() -> values.fromConnectData("parcels", other, new Struct(other).put("id", 1)))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot write value for topic parcels as CBOR: change envelope has no field 'op'; is this a shardbridge change event?");
        assertThatThrownBy(() -> keys.fromConnectData("parcels", Schema.STRING_SCHEMA, "PX-1"))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot write key for topic parcels as CBOR: key: expected a map of attribute values, found java.lang.String");
    }

    @Test
    void syncV1IsWriteOnly() {
        CborConverter sync = converter(Map.of("format", "tablestore-sync-v1"), false);
        byte[] bytes = sync.fromConnectData("parcels", insert.valueSchema(), insert.value());

        assertThat(CBORObject.DecodeFromBytes(bytes).get("Version").AsString()).isEqualTo("Sync-v1");
        assertThatThrownBy(() -> sync.toConnectData("parcels", bytes))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot read CBOR value from topic parcels: format=tablestore-sync-v1 is write-only;"
                        + " read with format=envelope from a topic written in that format");
    }

    @Test
    void keysIgnoreTheValueFormat() {
        CborConverter syncKeys = converter(Map.of("format", "tablestore-sync-v1"), true);
        byte[] bytes = syncKeys.fromConnectData("parcels", insert.keySchema(), insert.key());
        assertThat(bytes).isEqualTo(keys.fromConnectData("parcels", insert.keySchema(), insert.key()));
        assertThat(syncKeys.toConnectData("parcels", bytes)).isEqualTo(new SchemaAndValue(EnvelopeSchema.KEY, insert.key()));
    }

    @Test
    void anUnknownFormatIsAConfigException() {
        assertThatThrownBy(() -> converter(Map.of("format", "avro"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value avro for configuration format");
        assertThat(values.config().names()).containsExactlyInAnyOrder("format", "converter.type");
        assertThat(values.version()).isEqualTo(ProjectVersion.get()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void headersRoundTripAsPlainCbor() {
        CborConverter headers = new CborConverter();
        headers.configure(Map.of());

        byte[] text = headers.fromConnectHeader("parcels", "trace", Schema.STRING_SCHEMA, "abc-123");
        byte[] list = headers.fromConnectHeader("parcels", "hops", null, List.of("HAM", "CPH"));
        byte[] decimal = headers.fromConnectHeader("parcels", "weight", null, new BigDecimal("2.75"));

        assertThat(CBORObject.DecodeFromBytes(text).AsString()).isEqualTo("abc-123");
        assertThat(headers.toConnectHeader("parcels", "trace", text)).isEqualTo(new SchemaAndValue(Schema.STRING_SCHEMA, "abc-123"));
        assertThat(headers.toConnectHeader("parcels", "hops", list).value()).isEqualTo(List.of("HAM", "CPH"));
        assertThat(headers.toConnectHeader("parcels", "weight", decimal).value()).isEqualTo(new BigDecimal("2.75"));
        assertThat(headers.toConnectHeader("parcels", "none", null)).isEqualTo(SchemaAndValue.NULL);
    }

    private static String source() {
        return "{\"connector\": \"dynamodb\", \"version\": \"1\", \"table\": \"t\", \"stream_arn\": null,"
                + " \"shard_id\": null, \"sequence_number\": null, \"ts_ms\": 1, \"snapshot\": false}";
    }

    private static byte[] encode(String json) {
        return CBORObject.FromJSONString(json).EncodeToBytes();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static CborConverter converter(Map<String, ?> config, boolean isKey) {
        CborConverter converter = new CborConverter();
        converter.configure(config, isKey);
        return converter;
    }
}
