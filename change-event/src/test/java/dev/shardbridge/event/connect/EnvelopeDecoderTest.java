package dev.shardbridge.event.connect;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.SampleEvents;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeDecoderTest {

    @Test
    void readsBackWhatTheEncoderWrote() {
        ChangeEvent event = SampleEvents.insert();
        EnvelopeRecord record = EnvelopeEncoder.encode(event);

        assertThat(EnvelopeDecoder.decode(record.value())).isEqualTo(event);
        assertThat(EnvelopeDecoder.decodeKey(record.key())).isEqualTo(event.key());
        assertThat(record.tombstone()).isEqualTo(new EnvelopeRecord(EnvelopeSchema.KEY, record.key(), null, null));
        assertThat(record.tombstone().isTombstone()).isTrue();
    }

    @Test
    void nestedValuesAreDynamoDbJsonText() {
        Struct after = (Struct) ((Map<?, ?>) ((Struct) EnvelopeEncoder.encode(SampleEvents.insert()).value()).get("after")).get("route");

        assertThat(after.getString("L")).isEqualTo("[{\"S\":\"HAM\"},{\"M\":{\"hub\":{\"S\":\"CPH\"},\"eta\":{\"N\":\"1717243200\"}}}]");
        assertThat(after.getString("S")).isNull();
    }

    @Test
    void aTombstoneIsNotAnEvent() {
        assertThatThrownBy(() -> EnvelopeDecoder.decode(null))
                .isInstanceOf(DataException.class).hasMessage("A tombstone (null value) carries no change event");
    }

    @Test
    void missingFieldsAndUnknownOpsAreNamed() {
        Map<String, Object> envelope = schemaless();
        envelope.remove("source");
        assertThatThrownBy(() -> EnvelopeDecoder.decode(envelope))
                .isInstanceOf(DataException.class)
                .hasMessage("change envelope has no field 'source'; is this a shardbridge change event?");

        Map<String, Object> badOp = schemaless();
        badOp.put("op", "x");
        assertThatThrownBy(() -> EnvelopeDecoder.decode(badOp))
                .isInstanceOf(DataException.class).hasMessage("Unknown change event op 'x'; expected c, u, d or r");

        assertThatThrownBy(() -> EnvelopeDecoder.decode("not an envelope"))
                .isInstanceOf(DataException.class).hasMessage("Expected change envelope as a Struct or Map, found java.lang.String");
    }

    @Test
    void attributeValuesMustHaveExactlyOneType() {
        assertThatThrownBy(() -> EnvelopeDecoder.decode(withAttribute(node("S", "a", "N", "1"))))
                .isInstanceOf(DataException.class).hasMessage("after.x: attribute value has both S and N set");
        assertThatThrownBy(() -> EnvelopeDecoder.decode(withAttribute(node("S", null))))
                .isInstanceOf(DataException.class)
                .hasMessage("after.x: attribute value has none of S, N, B, BOOL, NULL, M, L, SS, NS, BS set");
        assertThatThrownBy(() -> EnvelopeDecoder.decode(withAttribute(node("BOOL", "yes"))))
                .isInstanceOf(DataException.class).hasMessage("after.x: BOOL has the wrong Java type java.lang.String");
    }

    @Test
    void badNestedJsonAndBase64AreNamed() {
        assertThatThrownBy(() -> EnvelopeDecoder.decode(withAttribute(node("M", "{\"a\":{\"Q\":1}}"))))
                .isInstanceOf(DataException.class)
                .hasMessage("after.x.a: unknown attribute type 'Q'; expected S, N, B, BOOL, NULL, M, L, SS, NS or BS");
        assertThatThrownBy(() -> EnvelopeDecoder.decode(withAttribute(node("L", "[{\"S\":\"a\"}"))))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("after.x: malformed DynamoDB JSON: Unexpected end-of-input");
        assertThatThrownBy(() -> EnvelopeDecoder.decode(withAttribute(node("B", "***"))))
                .isInstanceOf(DataException.class).hasMessage("after.x: binary value is not valid base64");
    }

    @Test
    void binaryMayArriveAsByteArrayByteBufferOrBase64() {
        byte[] bytes = {1, 2, 3};
        for (Object form : new Object[] {bytes, ByteBuffer.wrap(bytes), ByteBuffer.wrap(new byte[] {9, 1, 2, 3}).position(1), "AQID"}) {
            ChangeEvent event = EnvelopeDecoder.decode(withAttribute(node("B", form)));
            assertThat(event.after().get("x").b().asByteArray()).containsExactly(1, 2, 3);
        }
    }

    private static Map<String, Object> withAttribute(Map<String, Object> node) {
        Map<String, Object> envelope = schemaless();
        envelope.put("after", Map.of("x", node));
        return envelope;
    }

    private static Map<String, Object> node(Object... typesAndValues) {
        Map<String, Object> node = new LinkedHashMap<>();
        for (int i = 0; i < typesAndValues.length; i += 2) {
            node.put((String) typesAndValues[i], typesAndValues[i + 1]);
        }
        return node;
    }

    /** An envelope in the form JsonConverter gives without schemas. */
    private static Map<String, Object> schemaless() {
        Map<String, Object> source = new HashMap<>();
        source.put("connector", "dynamodb");
        source.put("version", "1");
        source.put("table", "t");
        source.put("stream_arn", null);
        source.put("shard_id", null);
        source.put("sequence_number", null);
        source.put("ts_ms", 1L);
        source.put("snapshot", true);
        Map<String, Object> envelope = new HashMap<>();
        envelope.put("before", null);
        envelope.put("after", null);
        envelope.put("key", Map.of("pk", node("S", "1")));
        envelope.put("source", source);
        envelope.put("op", "r");
        envelope.put("ts_ms", 2L);
        return envelope;
    }

    @Test
    void theSchemalessFormIsAValidEnvelope() {
        ChangeEvent event = EnvelopeDecoder.decode(schemaless());
        assertThat(event.key()).isEqualTo(Map.of("pk", AttributeValue.fromS("1")));
        assertThat(event.source().snapshot()).isTrue();
    }
}
