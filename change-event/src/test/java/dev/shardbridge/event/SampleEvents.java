package dev.shardbridge.event;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parcel-tracking events the docs show: one item through insert, modify and remove on a
 * NEW_AND_OLD_IMAGES stream, and a snapshot read, all built the way the source builds them.
 */
public final class SampleEvents {

    public static final String TABLE = "parcels";
    public static final TableKey TABLE_KEY = TableKey.of("parcel_id", "scan_no");
    public static final String STREAM_ARN = "arn:aws:dynamodb:eu-west-1:123456789012:table/parcels/stream/2024-06-01T00:00:00.000";
    public static final StreamShard SHARD = new StreamShard(TABLE, TABLE_KEY, STREAM_ARN, "shardId-00000001717200000000-a1b2c3d4");
    public static final ChangeEventFactory FACTORY = new ChangeEventFactory("dynamodb", "0.1.0",
            Clock.fixed(Instant.parse("2024-06-01T12:00:05.250Z"), ZoneOffset.UTC));

    private SampleEvents() {
    }

    /** An item with every attribute type. */
    public static Map<String, AttributeValue> receivedParcel() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("parcel_id", AttributeValue.fromS("PX-1001"));
        item.put("scan_no", AttributeValue.fromN("1"));
        item.put("status", AttributeValue.fromS("RECEIVED"));
        item.put("weight_kg", AttributeValue.fromN("2.75"));
        item.put("label", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0x50, 0x58, (byte) 0xff, 0x00})));
        item.put("fragile", AttributeValue.fromBool(true));
        item.put("note", AttributeValue.fromNul(true));
        item.put("dims", AttributeValue.fromM(ordered(
                "length_cm", AttributeValue.fromN("40"),
                "unit", AttributeValue.fromS("cm"))));
        item.put("route", AttributeValue.fromL(List.of(
                AttributeValue.fromS("HAM"),
                AttributeValue.fromM(ordered("hub", AttributeValue.fromS("CPH"), "eta", AttributeValue.fromN("1717243200"))))));
        item.put("tags", AttributeValue.fromSs(List.of("express", "gift")));
        item.put("temps", AttributeValue.fromNs(List.of("-1", "4.5", "12345678901234567890123456789012345678")));
        item.put("photos", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {(byte) 0xca, (byte) 0xfe}))));
        return item;
    }

    public static Map<String, AttributeValue> inTransitParcel() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("parcel_id", AttributeValue.fromS("PX-1001"));
        item.put("scan_no", AttributeValue.fromN("1"));
        item.put("status", AttributeValue.fromS("IN_TRANSIT"));
        item.put("weight_kg", AttributeValue.fromN("2.75"));
        item.put("hub", AttributeValue.fromS("HAM"));
        return item;
    }

    private static Map<String, AttributeValue> beforeTransit() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("parcel_id", AttributeValue.fromS("PX-1001"));
        item.put("scan_no", AttributeValue.fromN("1"));
        item.put("status", AttributeValue.fromS("RECEIVED"));
        item.put("weight_kg", AttributeValue.fromN("2.75"));
        item.put("note", AttributeValue.fromNul(true));
        return item;
    }

    public static ChangeEvent insert() {
        return FACTORY.fromStreamRecord(SHARD, record(OperationType.INSERT, "000000000000000000101",
                "2024-06-01T12:00:00Z", null, receivedParcel()));
    }

    public static ChangeEvent modify() {
        return FACTORY.fromStreamRecord(SHARD, record(OperationType.MODIFY, "000000000000000000102",
                "2024-06-01T12:00:01Z", beforeTransit(), inTransitParcel()));
    }

    public static ChangeEvent remove() {
        return FACTORY.fromStreamRecord(SHARD, record(OperationType.REMOVE, "000000000000000000103",
                "2024-06-01T12:00:02Z", inTransitParcel(), null));
    }

    public static ChangeEvent snapshotRead() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("parcel_id", AttributeValue.fromS("PX-0999"));
        item.put("scan_no", AttributeValue.fromN("7"));
        item.put("status", AttributeValue.fromS("DELIVERED"));
        return FACTORY.snapshotRead(TABLE, TABLE_KEY, item);
    }

    /** A stream record as GetRecords returns it on a NEW_AND_OLD_IMAGES stream. */
    public static Record record(OperationType name, String sequenceNumber, String created,
                                Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        Map<String, AttributeValue> image = newImage != null ? newImage : oldImage;
        StreamRecord.Builder data = StreamRecord.builder()
                // Keys in key-schema order, as DynamoDB sends them; the event sorts them by name.
                .keys(ordered("scan_no", image.get("scan_no"), "parcel_id", image.get("parcel_id")))
                .sequenceNumber(sequenceNumber)
                .sizeBytes(100L)
                .approximateCreationDateTime(Instant.parse(created))
                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        if (oldImage != null) {
            data.oldImage(oldImage);
        }
        if (newImage != null) {
            data.newImage(newImage);
        }
        return Record.builder().eventID("e-" + sequenceNumber).eventName(name).eventSource("aws:dynamodb")
                .eventVersion("1.1").awsRegion("eu-west-1").dynamodb(data.build()).build();
    }

    private static Map<String, AttributeValue> ordered(String name1, AttributeValue value1, String name2, AttributeValue value2) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        map.put(name1, value1);
        map.put(name2, value2);
        return map;
    }
}
