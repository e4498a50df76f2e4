package dev.shardbridge.event.cbor;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import com.upokecenter.numbers.EDecimal;
import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.event.RandomItems;
import dev.shardbridge.event.SourceInfo;
import dev.shardbridge.event.TableKey;
import dev.shardbridge.event.connect.EnvelopeEncoder;
import dev.shardbridge.event.connect.EnvelopeRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Our CBOR, read by a decoder that is not Jackson, says exactly what the event says. */
class CborIndependentDecodingTest {

    private static final CborConverter VALUES = converter(false);
    private static final CborConverter KEYS = converter(true);

    @Test
    void anIndependentDecoderReadsEveryGeneratedEventExactly() {
        RandomItems random = new RandomItems(77L, 400);
        TableKey tableKey = TableKey.of("pk");
        for (int i = 0; i < 2_000; i++) {
            ChangeEvent event = random.event(tableKey, i % 11);
            EnvelopeRecord record = EnvelopeEncoder.encode(event);

            CBORObject envelope = IndependentCbor.decode(VALUES.fromConnectData("t", record.valueSchema(), record.value()));
            CBORObject key = IndependentCbor.decode(KEYS.fromConnectData("t", record.keySchema(), record.key()));

            assertThat(envelope.getKeys().stream().map(CBORObject::AsString))
                    .containsExactly("before", "after", "key", "source", "op", "ts_ms");
            assertThat(image(envelope.get("before"))).isEqualTo(event.before());
            assertThat(image(envelope.get("after"))).isEqualTo(event.after());
            assertThat(IndependentCbor.item(envelope.get("key"))).isEqualTo(event.key());
            assertThat(IndependentCbor.item(key)).isEqualTo(event.key());
            assertThat(envelope.get("op").AsString()).isEqualTo(event.op().code());
            assertThat(envelope.get("ts_ms").AsInt64Value()).isEqualTo(event.timestamp().toEpochMilli());
            assertSource(envelope.get("source"), event.source());
        }
    }

    @Test
    void numbersAreIntegersBignumsOrDecimalFractionsWithTheExactValue() {
        for (String number : RandomItems.EDGE_NUMBERS) {
            CBORObject n = typedContent(AttributeValue.fromN(number), "N");
            assertThat(IndependentCbor.number(n)).as(number).isEqualTo(number);
        }
        assertThat(typedContent(AttributeValue.fromN("-7"), "N").getType()).isEqualTo(CBORType.Integer);
        CBORObject fraction = typedContent(AttributeValue.fromN("-0.125"), "N");
        assertThat(fraction.HasMostOuterTag(4)).isTrue();
        assertThat(fraction.UntagOne().get(0).AsInt32Value()).isEqualTo(-3);
        assertThat(fraction.UntagOne().get(1).AsInt32Value()).isEqualTo(-125);
        CBORObject huge = typedContent(AttributeValue.fromN("-9.9999999999999999999999999999999999999E+125"), "N");
        assertThat(huge.UntagOne().get(0).AsInt32Value()).isEqualTo(88);
        assertThat(huge.UntagOne().get(1).AsNumber().ToEInteger().toString())
                .isEqualTo("-99999999999999999999999999999999999999");
        assertThat(typedContent(AttributeValue.fromN("1E-130"), "N").UntagOne().get(0).AsInt32Value()).isEqualTo(-130);
        assertThat(typedContent(AttributeValue.fromN("0.0000001"), "N").AsString()).isEqualTo("0.0000001");
    }

    @Test
    void negativeBignumsUseTheStandardEncoding() {
        CBORObject n = typedContent(AttributeValue.fromN("-18446744073709551617"), "N");
        assertThat(n.AsNumber().ToEInteger().toString()).isEqualTo("-18446744073709551617");
    }

    @Test
    void binaryIsAByteStringAndSetsAreTagged258() {
        byte[] bytes = {0, 1, (byte) 0xff};
        assertThat(typedContent(AttributeValue.fromB(SdkBytes.fromByteArray(bytes)), "B").GetByteString()).containsExactly(bytes);
        assertThat(typedContent(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0])), "B").GetByteString()).isEmpty();
        CBORObject ss = typedContent(AttributeValue.fromSs(List.of("a", "")), "SS");
        assertThat(ss.getMostOuterTag().ToInt32Checked()).isEqualTo(258);
        assertThat(ss.UntagOne().get(1).AsString()).isEmpty();
        CBORObject ns = typedContent(AttributeValue.fromNs(List.of("1", "2.5")), "NS");
        assertThat(ns.getMostOuterTag().ToInt32Checked()).isEqualTo(258);
        assertThat(ns.UntagOne().get(1).AsNumber().ToEDecimal().compareTo(
                EDecimal.FromString("2.5"))).isZero();
        CBORObject bs = typedContent(AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(bytes))), "BS");
        assertThat(bs.getMostOuterTag().ToInt32Checked()).isEqualTo(258);
        assertThat(bs.UntagOne().get(0).GetByteString()).containsExactly(bytes);
    }

    private static CBORObject typedContent(AttributeValue value, String type) {
        ChangeEvent event = new ChangeEvent(Operation.CREATE,
                Map.of("pk", AttributeValue.fromS("k")), null, Map.of("v", value),
                new SourceInfo("dynamodb", "1", "t", null, null, null, Instant.EPOCH, false),
                Instant.EPOCH);
        EnvelopeRecord record = EnvelopeEncoder.encode(event);
        CBORObject envelope = IndependentCbor.decode(VALUES.fromConnectData("t", record.valueSchema(), record.value()));
        return envelope.get("after").get("v").get(type);
    }

    private static Map<String, AttributeValue> image(CBORObject image) {
        return image.isNull() ? null : IndependentCbor.item(image);
    }

    private static void assertSource(CBORObject source, SourceInfo expected) {
        assertThat(source.get("connector").AsString()).isEqualTo(expected.connector());
        assertThat(source.get("version").AsString()).isEqualTo(expected.version());
        assertThat(source.get("table").AsString()).isEqualTo(expected.table());
        assertThat(nullableText(source.get("stream_arn"))).isEqualTo(expected.streamArn());
        assertThat(nullableText(source.get("shard_id"))).isEqualTo(expected.shardId());
        assertThat(nullableText(source.get("sequence_number"))).isEqualTo(expected.sequenceNumber());
        assertThat(source.get("ts_ms").AsInt64Value()).isEqualTo(expected.approximateCreationTime().toEpochMilli());
        assertThat(source.get("snapshot").isTrue()).isEqualTo(expected.snapshot());
    }

    private static String nullableText(CBORObject text) {
        return text.isNull() ? null : text.AsString();
    }

    private static CborConverter converter(boolean isKey) {
        CborConverter converter = new CborConverter();
        converter.configure(Map.of(), isKey);
        return converter;
    }
}
