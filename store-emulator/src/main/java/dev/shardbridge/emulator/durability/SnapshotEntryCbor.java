package dev.shardbridge.emulator.durability;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shardbridge.emulator.durability.JournalEntry.ItemsSaved;
import dev.shardbridge.emulator.durability.JournalEntry.RecordsSaved;
import dev.shardbridge.emulator.durability.JournalEntry.SnapshotFinished;
import dev.shardbridge.emulator.durability.JournalEntry.SnapshotStarted;
import dev.shardbridge.emulator.durability.JournalEntry.StreamSaved;
import dev.shardbridge.emulator.model.AttributeValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The snapshot-only entries in CBOR (see {@link EntryCodec}): few, large, written once per compaction. */
final class SnapshotEntryCbor {

    private SnapshotEntryCbor() {
    }

    static void write(JsonGenerator out, JournalEntry entry) throws IOException {
        if (entry instanceof ItemsSaved items) {
            out.writeStringField("t", "items");
            out.writeStringField("table", items.tableName());
            out.writeStringField("tableId", items.tableId());
            out.writeArrayFieldStart("items");
            for (Map<String, AttributeValue> item : items.items()) {
                AttributeValueCbor.writeItem(out, item);
            }
            out.writeEndArray();
        } else if (entry instanceof RecordsSaved records) {
            out.writeStringField("t", "records");
            out.writeStringField("stream", records.streamArn());
            out.writeStringField("shard", records.shardId());
            out.writeFieldName("records");
            StreamStateCbor.writeRecords(out, records.records());
        } else if (entry instanceof StreamSaved stream) {
            out.writeStringField("t", "stream");
            out.writeFieldName("stream");
            StreamStateCbor.writeStream(out, stream.stream());
        } else if (entry instanceof SnapshotStarted started) {
            out.writeStringField("t", "snapshot");
            out.writeNumberField("format", started.formatVersion());
            out.writeNumberField("replayFrom", started.replayFrom());
            out.writeNumberField("lastSequence", started.lastSequence());
            out.writeNumberField("clockOffset", started.clockOffsetMillis());
            out.writeObjectFieldStart("partitionOverrides");
            for (Map.Entry<String, Integer> override : started.partitionOverrides().entrySet()) {
                out.writeNumberField(override.getKey(), override.getValue());
            }
            out.writeEndObject();
        } else if (entry instanceof SnapshotFinished finished) {
            out.writeStringField("t", "snapshotEnd");
            out.writeNumberField("tables", finished.tables());
            out.writeNumberField("items", finished.items());
            out.writeNumberField("records", finished.records());
        } else {
            throw new IllegalArgumentException("no encoding for " + entry.getClass().getSimpleName());
        }
    }

    static JournalEntry read(String type, JsonNode node) throws IOException {
        return switch (type) {
            case "items" -> new ItemsSaved(node.get("table").textValue(), node.get("tableId").textValue(),
                    readItems(node.get("items")));
            case "records" -> new RecordsSaved(node.get("stream").textValue(), node.get("shard").textValue(),
                    StreamStateCbor.readRecords(node.get("records")));
            case "stream" -> new StreamSaved(StreamStateCbor.readStream(node.get("stream")));
            case "snapshot" -> new SnapshotStarted(node.get("format").intValue(), node.get("replayFrom").longValue(),
                    node.get("lastSequence").longValue(), node.get("clockOffset").longValue(),
                    readOverrides(node.get("partitionOverrides")));
            case "snapshotEnd" -> new SnapshotFinished(node.get("tables").longValue(), node.get("items").longValue(),
                    node.get("records").longValue());
            default -> throw new IOException("unknown log entry type '" + type + "' (written by a newer version?)");
        };
    }

    private static List<Map<String, AttributeValue>> readItems(JsonNode node) throws IOException {
        List<Map<String, AttributeValue>> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            items.add(AttributeValueCbor.readItem(item));
        }
        return items;
    }

    private static Map<String, Integer> readOverrides(JsonNode node) {
        Map<String, Integer> overrides = new LinkedHashMap<>();
        node.properties().forEach(field -> overrides.put(field.getKey(), field.getValue().intValue()));
        return overrides;
    }
}
