package dev.shardbridge.event.cbor;

import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.shardbridge.event.ChangeEvent;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Change events in the payload layout of Tablestore triggers, so functions written for Tablestore
 * triggers can consume Kafka unchanged:
 * <pre>
 * {"Version": "Sync-v1", "Records": [{"Type": "PutRow|UpdateRow|DeleteRow",
 *   "Info": {"Timestamp": micros}, "PrimaryKey": [{"ColumnName", "Value"}],
 *   "Columns": [{"Type": "Put|DeleteAllVersions", "ColumnName", "Value", "Timestamp": millis}]}]}
 * </pre>
 * Units follow Tablestore: the row timestamp is in microseconds, column timestamps (Tablestore's
 * cell versions) in milliseconds; both come from the change's approximate creation time. Values
 * are plain CBOR ({@link NaturalAttributeWriter}); a DeleteAllVersions column has a null Value so
 * every column has the same four fields.
 */
public final class SyncV1Writer {

    public static final String VERSION = "Sync-v1";

    private SyncV1Writer() {
    }

    public static byte[] write(ChangeEvent event) {
        return CborStreams.write(out -> {
            out.writeStartObject(event, 2);
            out.writeStringField("Version", VERSION);
            out.writeFieldName("Records");
            out.writeStartArray(event, 1);
            writeRecord(out, event);
            out.writeEndArray();
            out.writeEndObject();
        });
    }

    /** The Sync-v1 row type for an event. */
    public static String rowType(ChangeEvent event) {
        return switch (event.op()) {
            case CREATE, READ -> "PutRow";
            case UPDATE -> "UpdateRow";
            case DELETE -> "DeleteRow";
        };
    }

    private static void writeRecord(CBORGenerator out, ChangeEvent event) throws IOException {
        long millis = event.source().approximateCreationTime().toEpochMilli();
        out.writeStartObject(event, 4);
        out.writeStringField("Type", rowType(event));
        out.writeFieldName("Info");
        out.writeStartObject(event, 1);
        out.writeNumberField("Timestamp", Math.multiplyExact(millis, 1000L));
        out.writeEndObject();
        out.writeFieldName("PrimaryKey");
        writePrimaryKey(out, event.key());
        out.writeFieldName("Columns");
        writeColumns(out, SyncV1Columns.of(event), millis);
        out.writeEndObject();
    }

    private static void writePrimaryKey(CBORGenerator out, Map<String, AttributeValue> key) throws IOException {
        out.writeStartArray(key, key.size());
        for (Map.Entry<String, AttributeValue> column : key.entrySet()) {
            out.writeStartObject(column, 2);
            out.writeStringField("ColumnName", column.getKey());
            out.writeFieldName("Value");
            NaturalAttributeWriter.write(out, column.getValue());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void writeColumns(CBORGenerator out, List<SyncV1Columns.Column> columns, long millis)
            throws IOException {
        out.writeStartArray(columns, columns.size());
        for (SyncV1Columns.Column column : columns) {
            out.writeStartObject(column, 4);
            out.writeStringField("Type", column.type().wireName());
            out.writeStringField("ColumnName", column.name());
            out.writeFieldName("Value");
            if (column.value() == null) {
                out.writeNull();
            } else {
                NaturalAttributeWriter.write(out, column.value());
            }
            out.writeNumberField("Timestamp", millis);
            out.writeEndObject();
        }
        out.writeEndArray();
    }
}
