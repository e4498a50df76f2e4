package dev.shardbridge.event.cbor;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.SampleEvents;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Tablestore trigger layout, read back field by field by an independent decoder. */
class SyncV1WriterTest {

    @Test
    void anInsertIsAPutRowListingEveryAttributeWithPlainValues() {
        CBORObject payload = write(SampleEvents.insert());

        assertThat(payload.getKeys().stream().map(CBORObject::AsString)).containsExactly("Version", "Records");
        assertThat(payload.get("Version").AsString()).isEqualTo("Sync-v1");
        assertThat(payload.get("Records").size()).isEqualTo(1);
        CBORObject record = payload.get("Records").get(0);
        assertThat(record.getKeys().stream().map(CBORObject::AsString)).containsExactly("Type", "Info", "PrimaryKey", "Columns");
        assertThat(record.get("Type").AsString()).isEqualTo("PutRow");
        assertThat(record.get("Info").get("Timestamp").AsInt64Value()).as("microseconds").isEqualTo(1_717_243_200_000_000L);
        assertThat(record.get("PrimaryKey").toString())
                .isEqualTo("[{\"ColumnName\": \"parcel_id\", \"Value\": \"PX-1001\"}, {\"ColumnName\": \"scan_no\", \"Value\": 1}]");

        CBORObject columns = record.get("Columns");
        assertThat(columns.size()).isEqualTo(10);
        for (CBORObject column : columns.getValues()) {
            assertThat(column.getKeys().stream().map(CBORObject::AsString)).containsExactly("Type", "ColumnName", "Value", "Timestamp");
            assertThat(column.get("Type").AsString()).isEqualTo("Put");
            assertThat(column.get("Timestamp").AsInt64Value()).as("milliseconds").isEqualTo(1_717_243_200_000L);
        }
        assertThat(value(columns, "status").AsString()).isEqualTo("RECEIVED");
        assertThat(value(columns, "weight_kg").toString()).isEqualTo("4([-2, 275])");
        assertThat(value(columns, "label").getType()).isEqualTo(CBORType.ByteString);
        assertThat(value(columns, "label").GetByteString()).containsExactly(0x50, 0x58, 0xff, 0x00);
        assertThat(value(columns, "fragile").isTrue()).isTrue();
        assertThat(value(columns, "note").isNull()).isTrue();
        assertThat(value(columns, "dims").toString()).isEqualTo("{\"length_cm\": 40, \"unit\": \"cm\"}");
        assertThat(value(columns, "route").toString()).isEqualTo("[\"HAM\", {\"hub\": \"CPH\", \"eta\": 1717243200}]");
        assertThat(value(columns, "tags").toString()).isEqualTo("258([\"express\", \"gift\"])");
        assertThat(value(columns, "temps").toString()).isEqualTo("258([-1, 4([-1, 45]), 2(h'0949B0F6F0023313C4499050DE38F34E')])");
        assertThat(value(columns, "temps").get(2).AsNumber().ToEInteger().toString())
                .isEqualTo("12345678901234567890123456789012345678");
        assertThat(value(columns, "photos").toString()).isEqualTo("258([h'CAFE'])");
    }

    @Test
    void aModifyIsAnUpdateRowWithChangedColumnsAndRemovedOnesAsDeleteAllVersions() {
        CBORObject record = write(SampleEvents.modify()).get("Records").get(0);

        assertThat(record.get("Type").AsString()).isEqualTo("UpdateRow");
        assertThat(record.get("Info").get("Timestamp").AsInt64Value()).isEqualTo(1_717_243_201_000_000L);
        assertThat(record.get("Columns").toString()).isEqualTo("["
                + "{\"Type\": \"Put\", \"ColumnName\": \"status\", \"Value\": \"IN_TRANSIT\", \"Timestamp\": 1717243201000}, "
                + "{\"Type\": \"Put\", \"ColumnName\": \"hub\", \"Value\": \"HAM\", \"Timestamp\": 1717243201000}, "
                + "{\"Type\": \"DeleteAllVersions\", \"ColumnName\": \"note\", \"Value\": null, \"Timestamp\": 1717243201000}]");
    }

    @Test
    void aRemoveIsADeleteRowWithTheKeyAndNoColumns() {
        CBORObject record = write(SampleEvents.remove()).get("Records").get(0);

        assertThat(record.get("Type").AsString()).isEqualTo("DeleteRow");
        assertThat(record.get("PrimaryKey").get(0).get("Value").AsString()).isEqualTo("PX-1001");
        assertThat(record.get("Columns").size()).isZero();
    }

    @Test
    void aSnapshotReadIsAPutRow() {
        CBORObject record = write(SampleEvents.snapshotRead()).get("Records").get(0);

        assertThat(record.get("Type").AsString()).isEqualTo("PutRow");
        assertThat(record.get("Columns").toString())
                .isEqualTo("[{\"Type\": \"Put\", \"ColumnName\": \"status\", \"Value\": \"DELIVERED\", \"Timestamp\": 1717243205250}]");
    }

    @Test
    void anUpdateWithoutOldImageListsEveryAttribute() {
        ChangeEvent modify = SampleEvents.modify();
        ChangeEvent newImageOnly = new ChangeEvent(modify.op(), modify.key(), null, modify.after(), modify.source(), modify.timestamp());
        CBORObject columns = write(newImageOnly).get("Records").get(0).get("Columns");

        assertThat(columns.getValues().stream().map(column -> column.get("ColumnName").AsString()))
                .isEqualTo(List.of("status", "weight_kg", "hub"));
    }

    private static CBORObject value(CBORObject columns, String name) {
        return columns.getValues().stream().filter(column -> column.get("ColumnName").AsString().equals(name))
                .findFirst().orElseThrow().get("Value");
    }

    private static CBORObject write(ChangeEvent event) {
        return IndependentCbor.decode(SyncV1Writer.write(event));
    }
}
