package dev.shardbridge.emulator.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.AttributeValueJson;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.table.StreamViewType;
import java.util.Map;

/**
 * One change record in a shard. Its wire JSON is rendered once, on first read, and kept: records are
 * read by up to two readers and re-read after restarts, and GetRecords then only copies bytes.
 */
public final class StreamRecord {
    private final String eventId;
    private final EventName eventName;
    private final long sequenceNumber;
    private final long createdAtMillis;
    private final Map<String, AttributeValue> keys;
    private final Map<String, AttributeValue> newImage;
    private final Map<String, AttributeValue> oldImage;
    private final int sizeBytes;
    private final StreamViewType viewType;
    private final String region;
    private volatile SerializedString json;

    /**
     * @param newImage null when the view type or the event has none
     * @param oldImage null when the view type or the event has none
     */
    public StreamRecord(String eventId, EventName eventName, long sequenceNumber, long createdAtMillis,
                        Map<String, AttributeValue> keys, Map<String, AttributeValue> newImage,
                        Map<String, AttributeValue> oldImage, int sizeBytes, StreamViewType viewType, String region) {
        this.eventId = eventId;
        this.eventName = eventName;
        this.sequenceNumber = sequenceNumber;
        this.createdAtMillis = createdAtMillis;
        this.keys = keys;
        this.newImage = newImage;
        this.oldImage = oldImage;
        this.sizeBytes = sizeBytes;
        this.viewType = viewType;
        this.region = region;
    }

    public String eventId() {
        return eventId;
    }

    public EventName eventName() {
        return eventName;
    }

    public long sequenceNumber() {
        return sequenceNumber;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public Map<String, AttributeValue> keys() {
        return keys;
    }

    public Map<String, AttributeValue> newImage() {
        return newImage;
    }

    public Map<String, AttributeValue> oldImage() {
        return oldImage;
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    public StreamViewType viewType() {
        return viewType;
    }

    /** The region the record names as its {@code awsRegion}. */
    public String region() {
        return region;
    }

    /** The record as GetRecords returns it. */
    public SerializedString toJson() {
        SerializedString rendered = json;
        if (rendered == null) {
            rendered = render();
            json = rendered;
        }
        return rendered;
    }

    private SerializedString render() {
        ObjectNode record = Json.object()
                .put("eventID", eventId)
                .put("eventName", eventName.name())
                .put("eventVersion", "1.1")
                .put("eventSource", "aws:dynamodb")
                .put("awsRegion", region);
        ObjectNode dynamodb = record.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", createdAtMillis / 1000);
        dynamodb.set("Keys", AttributeValueJson.writeItem(keys));
        if (newImage != null) {
            dynamodb.set("NewImage", AttributeValueJson.writeItem(newImage));
        }
        if (oldImage != null) {
            dynamodb.set("OldImage", AttributeValueJson.writeItem(oldImage));
        }
        dynamodb.put("SequenceNumber", SequenceNumbers.format(sequenceNumber));
        dynamodb.put("SizeBytes", sizeBytes);
        dynamodb.put("StreamViewType", viewType.name());
        try {
            return new SerializedString(Json.MAPPER.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stream record always serialises", e);
        }
    }
}
