package dev.shardbridge.event;

import dev.shardbridge.event.cbor.IndependentCbor;
import dev.shardbridge.event.connect.EnvelopeEncoder;
import dev.shardbridge.event.connect.EnvelopeRecord;
import org.apache.kafka.connect.storage.Converter;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every change to one item gets the same key bytes, so Kafka keeps them on one partition, in order. */
class KeyDeterminismTest {

    @Test
    void keyBytesDependOnlyOnTheKeyAttributes() {
        RandomItems random = new RandomItems(5L, 0);
        AttributeValue parcel = AttributeValue.fromS("PX-1");
        AttributeValue scan = AttributeValue.fromN("3");
        for (Converter converter : new Converter[] {
            ConverterRoundTripTest.json(true, true), ConverterRoundTripTest.json(false, true), ConverterRoundTripTest.cbor(true)}) {
            byte[] expected = null;
            for (int i = 0; i < 50; i++) {
                Map<String, AttributeValue> item = random.item(TableKey.of("parcel_id", "scan_no"), 3);
                item.put("parcel_id", parcel);
                item.put("scan_no", scan);
                OperationType name = OperationType.values()[i % 3];
                ChangeEvent event = SampleEvents.FACTORY.fromStreamRecord(SampleEvents.SHARD,
                        SampleEvents.record(name, "1" + i, "2024-06-01T00:00:00Z",
                                name == OperationType.INSERT ? null : item, name == OperationType.REMOVE ? null : item));
                EnvelopeRecord record = EnvelopeEncoder.encode(event);
                byte[] key = converter.fromConnectData("parcels", record.keySchema(), record.key());
                if (expected == null) {
                    expected = key;
                }
                assertThat(key).isEqualTo(expected);
            }
        }
    }

    @Test
    void jsonKeysListAttributesByName() {
        EnvelopeRecord record = EnvelopeEncoder.encode(SampleEvents.insert());
        byte[] key = ConverterRoundTripTest.json(false, true).fromConnectData("parcels", record.keySchema(), record.key());
        assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo(
                "{\"parcel_id\":{\"S\":\"PX-1001\",\"N\":null,\"B\":null},\"scan_no\":{\"S\":null,\"N\":\"1\",\"B\":null}}");
    }

    @Test
    void cborKeysAreSortedWhateverMapTheConverterIsGiven() {
        Map<Object, Object> reversed = new LinkedHashMap<>();
        Map<Object, Object> hashed = new HashMap<>();
        Map<?, ?> key = (Map<?, ?>) EnvelopeEncoder.encode(SampleEvents.insert()).key();
        reversed.put("scan_no", key.get("scan_no"));
        reversed.put("parcel_id", key.get("parcel_id"));
        hashed.putAll(key);
        Converter converter = ConverterRoundTripTest.cbor(true);

        byte[] fromSorted = converter.fromConnectData("parcels", null, key);

        assertThat(converter.fromConnectData("parcels", null, reversed)).isEqualTo(fromSorted);
        assertThat(converter.fromConnectData("parcels", null, hashed)).isEqualTo(fromSorted);
        assertThat(IndependentCbor.decode(fromSorted).toString()).isEqualTo("{\"parcel_id\": {\"S\": \"PX-1001\"}, \"scan_no\": {\"N\": 1}}");
    }
}
