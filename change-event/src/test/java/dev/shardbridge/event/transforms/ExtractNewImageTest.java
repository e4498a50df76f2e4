package dev.shardbridge.event.transforms;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.SampleEvents;
import dev.shardbridge.event.connect.EnvelopeEncoder;
import dev.shardbridge.event.connect.EnvelopeRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtractNewImageTest {

    @Test
    void anInsertBecomesTheNewImageAsAPlainDocument() {
        SourceRecord document = transform(Map.of(), SampleEvents.insert());

        assertThat(document.key()).isEqualTo(EnvelopeEncoder.encode(SampleEvents.insert()).key());
        assertThat(json(document)).isEqualTo("{\"dims\":{\"length_cm\":40,\"unit\":\"cm\"},\"fragile\":true,"
                + "\"label\":\"UFj/AA==\",\"note\":null,\"parcel_id\":\"PX-1001\",\"photos\":[\"yv4=\"],"
                + "\"route\":[\"{\\\"S\\\":\\\"HAM\\\"}\",\"{\\\"M\\\":{\\\"hub\\\":{\\\"S\\\":\\\"CPH\\\"},\\\"eta\\\":{\\\"N\\\":\\\"1717243200\\\"}}}\"],"
                + "\"scan_no\":1,\"status\":\"RECEIVED\",\"tags\":[\"express\",\"gift\"],"
                + "\"temps\":[-1.0,4.5,12345678901234567890123456789012345678.0],\"weight_kg\":2.75}");
        Schema schema = document.valueSchema();
        assertThat(schema.field("weight_kg").schema()).isEqualTo(Decimal.builder(2).optional().build());
        assertThat(schema.field("route").schema().valueSchema().name()).isEqualTo("dev.shardbridge.event.DynamoDbJson");
        assertThat(((Struct) document.value()).get("weight_kg")).isEqualTo(new BigDecimal("2.75"));
    }

    @Test
    void listsOfMapsMergeIntoOneStructAndNumbersIntoOneScale() {
        Map<String, AttributeValue> item = new LinkedHashMap<>(SampleEvents.snapshotRead().after());
        item.put("stops", AttributeValue.fromL(List.of(
                AttributeValue.fromM(Map.of("hub", AttributeValue.fromS("HAM"), "kg", AttributeValue.fromN("2"))),
                AttributeValue.fromM(Map.of("kg", AttributeValue.fromN("1.25"), "signed", AttributeValue.fromBool(true))),
                AttributeValue.fromNul(true))));
        ChangeEvent read = SampleEvents.snapshotRead();
        ChangeEvent event = new ChangeEvent(read.op(), read.key(), null, item, read.source(), read.timestamp());

        assertThat(json(transform(Map.of(), event))).isEqualTo("{\"parcel_id\":\"PX-0999\",\"scan_no\":7,\"status\":\"DELIVERED\","
                + "\"stops\":[{\"hub\":\"HAM\",\"kg\":2.00,\"signed\":null},{\"hub\":null,\"kg\":1.25,\"signed\":true},null]}");
    }

    @Test
    void numbersCanStayExactStrings() {
        SourceRecord document = transform(Map.of("number.handling.mode", "string"), SampleEvents.insert());
        Struct value = (Struct) document.value();

        assertThat(value.get("weight_kg")).isEqualTo("2.75");
        assertThat(value.get("temps")).isEqualTo(List.of("-1", "4.5", "12345678901234567890123456789012345678"));
        assertThat(value.getStruct("dims").get("length_cm")).isEqualTo("40");
    }

    @Test
    void deletesBecomeTombstonesByDefault() {
        SourceRecord tombstone = transform(Map.of(), SampleEvents.remove());

        assertThat(tombstone.key()).isEqualTo(EnvelopeEncoder.encode(SampleEvents.remove()).key());
        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.valueSchema()).isNull();
    }

    @Test
    void deletesCanBeDropped() {
        assertThat(transform(Map.of("delete.handling.mode", "drop"), SampleEvents.remove())).isNull();
        assertThat(transform(Map.of("delete.handling.mode", "drop"), SampleEvents.modify())).isNotNull();
    }

    @Test
    void rewriteEmitsTheOldImageMarkedDeletedAndMarksOthersNotDeleted() {
        Map<String, String> rewrite = Map.of("delete.handling.mode", "rewrite");

        assertThat(json(transform(rewrite, SampleEvents.remove()))).isEqualTo("{\"hub\":\"HAM\",\"parcel_id\":\"PX-1001\","
                + "\"scan_no\":1,\"status\":\"IN_TRANSIT\",\"weight_kg\":2.75,\"__deleted\":\"true\"}");
        assertThat(json(transform(rewrite, SampleEvents.modify()))).endsWith(",\"__deleted\":\"false\"}");

        ChangeEvent remove = SampleEvents.remove();
        ChangeEvent keysOnly = new ChangeEvent(remove.op(), remove.key(), null, null, remove.source(), remove.timestamp());
        assertThat(json(transform(rewrite, keysOnly))).isEqualTo("{\"parcel_id\":\"PX-1001\",\"scan_no\":1,\"__deleted\":\"true\"}");
    }

    @Test
    void addsTheRequestedMetadataFields() {
        Map<String, String> config = Map.of("add.fields", "op,table,seq");

        assertThat(json(transform(config, SampleEvents.modify()))).isEqualTo("{\"hub\":\"HAM\",\"parcel_id\":\"PX-1001\","
                + "\"scan_no\":1,\"status\":\"IN_TRANSIT\",\"weight_kg\":2.75,"
                + "\"__op\":\"u\",\"__table\":\"parcels\",\"__seq\":\"000000000000000000102\"}");
        assertThat(json(transform(config, SampleEvents.snapshotRead())))
                .isEqualTo("{\"parcel_id\":\"PX-0999\",\"scan_no\":7,\"status\":\"DELIVERED\",\"__op\":\"r\",\"__table\":\"parcels\",\"__seq\":null}");
    }

    @Test
    void tombstonesPassThroughOrAreDropped() {
        EnvelopeRecord tombstone = EnvelopeEncoder.encode(SampleEvents.remove()).tombstone();
        SourceRecord record = new SourceRecord(Map.of(), Map.of(), "parcels", null,
                tombstone.keySchema(), tombstone.key(), null, null);

        assertThat(ExtractNewImageTest.<SourceRecord>smt(Map.of()).apply(record)).isSameAs(record);
        assertThat(ExtractNewImageTest.<SourceRecord>smt(Map.of("drop.tombstones", "true")).apply(record)).isNull();
    }

    @Test
    void readsSchemalessEnvelopesOnTheSinkSide() {
        EnvelopeRecord encoded = EnvelopeEncoder.encode(SampleEvents.modify());
        JsonConverter json = new JsonConverter();
        json.configure(Map.of("schemas.enable", "false"), false);
        Object schemaless = json.toConnectData("parcels", json.fromConnectData("parcels", encoded.valueSchema(), encoded.value())).value();
        SinkRecord record = new SinkRecord("parcels", 0, null, null, null, schemaless, 42L);

        SinkRecord document = ExtractNewImageTest.<SinkRecord>smt(Map.of()).apply(record);

        assertThat(json(document.valueSchema(), document.value())).isEqualTo(
                "{\"hub\":\"HAM\",\"parcel_id\":\"PX-1001\",\"scan_no\":1,\"status\":\"IN_TRANSIT\",\"weight_kg\":2.75}");
        assertThat(document.kafkaOffset()).isEqualTo(42L);
    }

    @Test
    void aChangeWithoutNewImageIsADataException() {
        ChangeEvent modify = SampleEvents.modify();
        ChangeEvent oldImageOnly = new ChangeEvent(modify.op(), modify.key(), modify.before(), null, modify.source(), modify.timestamp());

        assertThatThrownBy(() -> transform(Map.of(), oldImageOnly))
                .isInstanceOf(DataException.class)
                .hasMessage("Change event (op u) in topic parcels has no new image: the table's stream view type"
                        + " must be NEW_IMAGE or NEW_AND_OLD_IMAGES for ExtractNewImage");
    }

    @Test
    void anAttributeNamedLikeAnAddedFieldIsADataException() {
        ChangeEvent read = SampleEvents.snapshotRead();
        Map<String, AttributeValue> item = new LinkedHashMap<>(read.after());
        item.put("__op", AttributeValue.fromS("mine"));
        ChangeEvent event = new ChangeEvent(read.op(), read.key(), null, item, read.source(), read.timestamp());

        assertThatThrownBy(() -> transform(Map.of("add.fields", "op"), event))
                .isInstanceOf(DataException.class)
                .hasMessage("Item attribute '__op' collides with the added field of that name");
    }

    @Test
    void badConfigurationIsAConfigException() {
        assertThatThrownBy(() -> ExtractNewImageTest.<SourceRecord>smt(Map.of("delete.handling.mode", "ignore"))).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> ExtractNewImageTest.<SourceRecord>smt(Map.of("add.fields", "op,shard"))).isInstanceOf(ConfigException.class);
        assertThat(ExtractNewImageTest.<SourceRecord>smt(Map.of()).config().names())
                .containsExactlyInAnyOrder("delete.handling.mode", "drop.tombstones", "add.fields", "number.handling.mode");
    }

    private static SourceRecord transform(Map<String, String> config, ChangeEvent event) {
        EnvelopeRecord encoded = EnvelopeEncoder.encode(event);
        SourceRecord record = new SourceRecord(Map.of("table", "parcels"), Map.of("seq", "1"), "parcels", null,
                encoded.keySchema(), encoded.key(), encoded.valueSchema(), encoded.value());
        return ExtractNewImageTest.<SourceRecord>smt(config).apply(record);
    }

    private static <R extends org.apache.kafka.connect.connector.ConnectRecord<R>> ExtractNewImage<R> smt(Map<String, String> config) {
        ExtractNewImage<R> smt = new ExtractNewImage<>();
        smt.configure(config);
        return smt;
    }

    private static String json(SourceRecord record) {
        return json(record.valueSchema(), record.value());
    }

    /** The document as a JSON consumer sees it (decimal.format=NUMERIC prints numbers as numbers). */
    static String json(Schema schema, Object value) {
        JsonConverter json = new JsonConverter();
        json.configure(Map.of("schemas.enable", "false", "decimal.format", "NUMERIC"), false);
        return new String(json.fromConnectData("parcels", schema, value), StandardCharsets.UTF_8);
    }
}
