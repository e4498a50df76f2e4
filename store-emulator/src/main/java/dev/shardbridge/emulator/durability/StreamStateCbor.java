package dev.shardbridge.emulator.durability;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.stream.EventName;
import dev.shardbridge.emulator.stream.HashRange;
import dev.shardbridge.emulator.stream.ShardState;
import dev.shardbridge.emulator.stream.StreamRecord;
import dev.shardbridge.emulator.stream.StreamState;
import dev.shardbridge.emulator.stream.StreamStatus;
import dev.shardbridge.emulator.stream.TableStreamsState;
import dev.shardbridge.emulator.table.StreamViewType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stream records and stream structure in CBOR. Records are written complete (event id, sequence
 * number, time, images, size), so a restored record is the record that was served, never re-derived.
 */
final class StreamStateCbor {

    private StreamStateCbor() {
    }

    static void writeRecord(JsonGenerator out, StreamRecord record) throws IOException {
        out.writeStartObject();
        out.writeStringField("eventId", record.eventId());
        out.writeStringField("event", record.eventName().name());
        out.writeNumberField("sequence", record.sequenceNumber());
        out.writeNumberField("created", record.createdAtMillis());
        out.writeFieldName("keys");
        AttributeValueCbor.writeItem(out, record.keys());
        writeImage(out, "newImage", record.newImage());
        writeImage(out, "oldImage", record.oldImage());
        out.writeNumberField("size", record.sizeBytes());
        out.writeStringField("view", record.viewType().name());
        out.writeStringField("region", record.region());
        out.writeEndObject();
    }

    static StreamRecord readRecord(JsonNode node) throws IOException {
        return new StreamRecord(node.get("eventId").textValue(), EventName.valueOf(node.get("event").textValue()),
                node.get("sequence").longValue(), node.get("created").longValue(),
                AttributeValueCbor.readItem(node.get("keys")), AttributeValueCbor.readItem(node.get("newImage")),
                AttributeValueCbor.readItem(node.get("oldImage")), node.get("size").intValue(),
                StreamViewType.valueOf(node.get("view").textValue()), node.get("region").textValue());
    }

    static void writeRecords(JsonGenerator out, List<StreamRecord> records) throws IOException {
        out.writeStartArray();
        for (StreamRecord record : records) {
            writeRecord(out, record);
        }
        out.writeEndArray();
    }

    static List<StreamRecord> readRecords(JsonNode node) throws IOException {
        List<StreamRecord> records = new ArrayList<>(node == null ? 0 : node.size());
        if (node != null) {
            for (JsonNode record : node) {
                records.add(readRecord(record));
            }
        }
        return records;
    }

    static void writeStream(JsonGenerator out, StreamState stream) throws IOException {
        out.writeStartObject();
        out.writeStringField("arn", stream.arn());
        out.writeStringField("label", stream.label());
        out.writeStringField("table", stream.tableName());
        out.writeFieldName("key");
        TableDefinitionCbor.writeKeySchema(out, stream.keySchema());
        out.writeStringField("view", stream.viewType().name());
        out.writeNumberField("created", stream.createdAtMillis());
        out.writeStringField("status", stream.status().name());
        out.writeNumberField("disabled", stream.disabledAtMillis());
        out.writeArrayFieldStart("shards");
        for (ShardState shard : stream.shards()) {
            writeShard(out, shard);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    static StreamState readStream(JsonNode node) throws IOException {
        List<ShardState> shards = new ArrayList<>();
        for (JsonNode shard : node.get("shards")) {
            shards.add(readShard(shard));
        }
        return new StreamState(node.get("arn").textValue(), node.get("label").textValue(),
                node.get("table").textValue(), TableDefinitionCbor.readKeySchema(node.get("key")),
                StreamViewType.valueOf(node.get("view").textValue()), node.get("created").longValue(),
                StreamStatus.valueOf(node.get("status").textValue()), node.get("disabled").longValue(), shards);
    }

    static void writeTableStreams(JsonGenerator out, TableStreamsState state) throws IOException {
        out.writeStartObject();
        out.writeStringField("table", state.tableName());
        out.writeStringField("tableId", state.tableId());
        out.writeArrayFieldStart("partitions");
        for (HashRange range : state.partitions()) {
            writeRange(out, range);
        }
        out.writeEndArray();
        out.writeNumberField("shardCounter", state.shardCounter());
        if (state.current() != null) {
            out.writeFieldName("current");
            writeStream(out, state.current());
        }
        out.writeArrayFieldStart("openShards");
        for (String shardId : state.openShardIds()) {
            out.writeString(shardId);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    static TableStreamsState readTableStreams(JsonNode node) throws IOException {
        List<HashRange> partitions = new ArrayList<>();
        for (JsonNode range : node.get("partitions")) {
            partitions.add(readRange(range));
        }
        List<String> open = new ArrayList<>();
        node.get("openShards").forEach(id -> open.add(id.textValue()));
        JsonNode current = node.get("current");
        return new TableStreamsState(node.get("table").textValue(), node.get("tableId").textValue(), partitions,
                node.get("shardCounter").intValue(), current == null ? null : readStream(current), open);
    }

    private static void writeShard(JsonGenerator out, ShardState shard) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", shard.id());
        if (shard.parentId() != null) {
            out.writeStringField("parent", shard.parentId());
        }
        out.writeFieldName("range");
        writeRange(out, shard.range());
        out.writeNumberField("starting", shard.startingSequence());
        out.writeNumberField("created", shard.createdAtMillis());
        out.writeNumberField("ending", shard.endingSequence());
        out.writeNumberField("closed", shard.closedAtMillis());
        out.writeNumberField("trimHorizon", shard.trimHorizon());
        out.writeNumberField("lastTrimmed", shard.lastTrimmedSequence());
        if (!shard.records().isEmpty()) {
            out.writeFieldName("records");
            writeRecords(out, shard.records());
        }
        out.writeEndObject();
    }

    private static ShardState readShard(JsonNode node) throws IOException {
        JsonNode parent = node.get("parent");
        return new ShardState(node.get("id").textValue(), parent == null ? null : parent.textValue(),
                readRange(node.get("range")), node.get("starting").longValue(), node.get("created").longValue(),
                node.get("ending").longValue(), node.get("closed").longValue(), node.get("trimHorizon").longValue(),
                node.get("lastTrimmed").longValue(), readRecords(node.get("records")));
    }

    /** Both ends as the signed longs that hold the unsigned tokens. */
    private static void writeRange(JsonGenerator out, HashRange range) throws IOException {
        out.writeStartArray();
        out.writeNumber(range.first());
        out.writeNumber(range.last());
        out.writeEndArray();
    }

    private static HashRange readRange(JsonNode node) {
        return new HashRange(node.get(0).longValue(), node.get(1).longValue());
    }

    private static void writeImage(JsonGenerator out, String field, Map<String, AttributeValue> image)
            throws IOException {
        if (image != null) {
            out.writeFieldName(field);
            AttributeValueCbor.writeItem(out, image);
        }
    }
}
