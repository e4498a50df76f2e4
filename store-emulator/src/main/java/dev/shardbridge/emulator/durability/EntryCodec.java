package dev.shardbridge.emulator.durability;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.shardbridge.emulator.durability.JournalEntry.ClockAdvanced;
import dev.shardbridge.emulator.durability.JournalEntry.ItemChanged;
import dev.shardbridge.emulator.durability.JournalEntry.PartitionsOverridden;
import dev.shardbridge.emulator.durability.JournalEntry.SegmentStarted;
import dev.shardbridge.emulator.durability.JournalEntry.StructureChanged;
import dev.shardbridge.emulator.durability.JournalEntry.TableCreated;
import dev.shardbridge.emulator.durability.JournalEntry.TableDeleted;
import dev.shardbridge.emulator.durability.JournalEntry.TableUpdated;
import dev.shardbridge.emulator.model.AttributeValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Journal entries to framed CBOR and back. Each entry is a CBOR map whose {@code "t"} names its kind.
 * Writing streams straight into a {@link FrameBuffer} (it runs on every write); reading goes through a
 * tree, which is simpler and only runs at startup.
 */
final class EntryCodec {
    static final int FORMAT_VERSION = 1;

    private static final CBORFactory FACTORY = new CBORFactory();
    private static final CBORMapper MAPPER = new CBORMapper(FACTORY);

    private EntryCodec() {
    }

    /** Appends the entry to {@code buffer} as one frame. */
    static void encode(JournalEntry entry, FrameBuffer buffer) {
        buffer.startFrame();
        try (JsonGenerator out = FACTORY.createGenerator(buffer)) {
            out.writeStartObject();
            write(out, entry);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + entry.getClass().getSimpleName(), e);
        }
        buffer.finishFrame();
    }

    private static void write(JsonGenerator out, JournalEntry entry) throws IOException {
        if (entry instanceof ItemChanged item) {
            writeItemChanged(out, item);
        } else if (entry instanceof StructureChanged structure) {
            out.writeStringField("t", "structure");
            out.writeFieldName("streams");
            StreamStateCbor.writeTableStreams(out, structure.streams());
        } else if (entry instanceof TableCreated created) {
            out.writeStringField("t", "tableCreated");
            out.writeFieldName("definition");
            TableDefinitionCbor.write(out, created.definition());
            out.writeFieldName("streams");
            StreamStateCbor.writeTableStreams(out, created.streams());
        } else if (entry instanceof TableUpdated updated) {
            out.writeStringField("t", "tableUpdated");
            out.writeFieldName("definition");
            TableDefinitionCbor.write(out, updated.definition());
        } else if (entry instanceof TableDeleted deleted) {
            out.writeStringField("t", "tableDeleted");
            out.writeStringField("table", deleted.tableName());
            out.writeStringField("tableId", deleted.tableId());
        } else if (entry instanceof ClockAdvanced clock) {
            out.writeStringField("t", "clock");
            out.writeNumberField("offset", clock.offsetMillis());
        } else if (entry instanceof PartitionsOverridden override) {
            out.writeStringField("t", "partitions");
            out.writeStringField("table", override.tableName());
            out.writeNumberField("partitions", override.partitions());
        } else if (entry instanceof SegmentStarted segment) {
            out.writeStringField("t", "segment");
            out.writeNumberField("format", segment.formatVersion());
            out.writeNumberField("segment", segment.segment());
        } else {
            SnapshotEntryCbor.write(out, entry);
        }
    }

    private static void writeItemChanged(JsonGenerator out, ItemChanged change) throws IOException {
        out.writeStringField("t", "item");
        out.writeStringField("table", change.tableName());
        out.writeStringField("tableId", change.tableId());
        out.writeFieldName("pk");
        AttributeValueCbor.write(out, change.partitionKey());
        if (change.sortKey() != null) {
            out.writeFieldName("sk");
            AttributeValueCbor.write(out, change.sortKey());
        }
        // The item usually is the record's new image (the very same map): written once, not twice.
        boolean itemIsNewImage = change.item() != null && change.record() != null
                && change.item() == change.record().newImage();
        if (itemIsNewImage) {
            out.writeBooleanField("itemIsNewImage", true);
        } else if (change.item() != null) {
            out.writeFieldName("item");
            AttributeValueCbor.writeItem(out, change.item());
        }
        if (change.record() != null) {
            out.writeStringField("stream", change.streamArn());
            out.writeStringField("shard", change.shardId());
            out.writeFieldName("record");
            StreamStateCbor.writeRecord(out, change.record());
        }
    }

    /** Reads one frame's payload; a payload that is not a known entry is an error, never skipped. */
    static JournalEntry decode(byte[] payload) throws IOException {
        JsonNode node = MAPPER.readTree(payload);
        String type = node == null || node.get("t") == null ? null : node.get("t").textValue();
        if (type == null) {
            throw new IOException("log entry without a type");
        }
        return switch (type) {
            case "item" -> readItemChanged(node);
            case "structure" -> new StructureChanged(StreamStateCbor.readTableStreams(node.get("streams")));
            case "tableCreated" -> new TableCreated(TableDefinitionCbor.read(node.get("definition")),
                    StreamStateCbor.readTableStreams(node.get("streams")));
            case "tableUpdated" -> new TableUpdated(TableDefinitionCbor.read(node.get("definition")));
            case "tableDeleted" -> new TableDeleted(node.get("table").textValue(), node.get("tableId").textValue());
            case "clock" -> new ClockAdvanced(node.get("offset").longValue());
            case "partitions" -> new PartitionsOverridden(node.get("table").textValue(),
                    node.get("partitions").intValue());
            case "segment" -> new SegmentStarted(node.get("format").intValue(), node.get("segment").longValue());
            default -> SnapshotEntryCbor.read(type, node);
        };
    }

    private static ItemChanged readItemChanged(JsonNode node) throws IOException {
        JsonNode recordNode = node.get("record");
        var record = recordNode == null ? null : StreamStateCbor.readRecord(recordNode);
        Map<String, AttributeValue> item = node.has("itemIsNewImage") ? record.newImage()
                : AttributeValueCbor.readItem(node.get("item"));
        return new ItemChanged(node.get("table").textValue(), node.get("tableId").textValue(),
                AttributeValueCbor.read(node.get("pk")), AttributeValueCbor.read(node.get("sk")), item,
                recordNode == null ? null : node.get("stream").textValue(),
                recordNode == null ? null : node.get("shard").textValue(), record);
    }
}
