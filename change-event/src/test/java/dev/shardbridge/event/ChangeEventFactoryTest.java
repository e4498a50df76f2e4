package dev.shardbridge.event;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeEventFactoryTest {

    private static final Map<String, AttributeValue> KEYS = Map.of(
            "parcel_id", AttributeValue.fromS("PX-1"), "scan_no", AttributeValue.fromN("3"));
    private static final Map<String, AttributeValue> OLD = image("RECEIVED");
    private static final Map<String, AttributeValue> NEW = image("IN_TRANSIT");

    @Test
    void insertBecomesCreateWithTheNewImageAndTheStreamPosition() {
        ChangeEvent event = SampleEvents.insert();

        assertThat(event.op()).isEqualTo(Operation.CREATE);
        assertThat(event.before()).isNull();
        assertThat(event.after()).isEqualTo(SampleEvents.receivedParcel());
        assertThat(event.key().keySet()).containsExactly("parcel_id", "scan_no");
        assertThat(event.source()).isEqualTo(new SourceInfo("dynamodb", "0.1.0", "parcels", SampleEvents.STREAM_ARN,
                "shardId-00000001717200000000-a1b2c3d4", "000000000000000000101",
                Instant.parse("2024-06-01T12:00:00Z"), false));
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-06-01T12:00:05.250Z"));
    }

    @Test
    void modifyAndRemoveCarryWhatTheRecordCarries() {
        assertThat(SampleEvents.modify().op()).isEqualTo(Operation.UPDATE);
        assertThat(SampleEvents.modify().before()).containsEntry("note", AttributeValue.fromNul(true));
        assertThat(SampleEvents.modify().after()).isEqualTo(SampleEvents.inTransitParcel());
        assertThat(SampleEvents.remove().op()).isEqualTo(Operation.DELETE);
        assertThat(SampleEvents.remove().before()).isEqualTo(SampleEvents.inTransitParcel());
        assertThat(SampleEvents.remove().after()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = StreamViewType.class, names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void everyViewTypeKeepsExactlyTheImagesItHas(StreamViewType viewType) {
        boolean hasOld = viewType == StreamViewType.OLD_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
        boolean hasNew = viewType == StreamViewType.NEW_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
        for (OperationType name : List.of(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE)) {
            Map<String, AttributeValue> oldImage = hasOld && name != OperationType.INSERT ? OLD : null;
            Map<String, AttributeValue> newImage = hasNew && name != OperationType.REMOVE ? NEW : null;

            ChangeEvent event = SampleEvents.FACTORY.fromStreamRecord(SampleEvents.SHARD, record(name, viewType, oldImage, newImage));

            assertThat(event.op()).isEqualTo(Operation.fromStreamEventName(name.toString()));
            assertThat(event.before()).isEqualTo(oldImage);
            assertThat(event.after()).isEqualTo(newImage);
            assertThat(event.key()).isEqualTo(KEYS);
        }
    }

    @Test
    void snapshotReadsHaveNoStreamPositionAndUseTheReadTime() {
        ChangeEvent event = SampleEvents.snapshotRead();

        assertThat(event.op()).isEqualTo(Operation.READ);
        assertThat(event.source().snapshot()).isTrue();
        assertThat(event.source().streamArn()).isNull();
        assertThat(event.source().shardId()).isNull();
        assertThat(event.source().sequenceNumber()).isNull();
        assertThat(event.source().approximateCreationTime()).isEqualTo(Instant.parse("2024-06-01T12:00:05.250Z"));
        assertThat(event.key()).containsExactly(
                Map.entry("parcel_id", AttributeValue.fromS("PX-0999")), Map.entry("scan_no", AttributeValue.fromN("7")));
    }

    @Test
    void aMissingOrWronglyTypedKeyAttributeIsADataException() {
        assertThatThrownBy(() -> SampleEvents.FACTORY.snapshotRead("parcels", SampleEvents.TABLE_KEY,
                Map.of("parcel_id", AttributeValue.fromS("x"))))
                .isInstanceOf(DataException.class)
                .hasMessage("Item has no key attribute 'scan_no' (table key [parcel_id, scan_no])");
        assertThatThrownBy(() -> SampleEvents.FACTORY.snapshotRead("parcels", TableKey.of("parcel_id"),
                Map.of("parcel_id", AttributeValue.fromBool(true))))
                .isInstanceOf(DataException.class)
                .hasMessage("Key attribute 'parcel_id' has type BOOL; DynamoDB key attributes are S, N or B");
    }

    @Test
    void anUnknownEventNameIsADataException() {
        Record record = record(OperationType.INSERT, StreamViewType.KEYS_ONLY, null, null).toBuilder()
                .eventName("TRUNCATE").build();
        assertThatThrownBy(() -> SampleEvents.FACTORY.fromStreamRecord(SampleEvents.SHARD, record))
                .isInstanceOf(DataException.class)
                .hasMessage("Unknown stream record eventName 'TRUNCATE'; expected INSERT, MODIFY or REMOVE");
    }

    private static Record record(OperationType name, StreamViewType viewType,
                                 Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        StreamRecord.Builder data = StreamRecord.builder().keys(KEYS).sequenceNumber("300000000000000000001")
                .approximateCreationDateTime(Instant.parse("2024-06-01T00:00:00.123456Z")).streamViewType(viewType);
        if (oldImage != null) {
            data.oldImage(oldImage);
        }
        if (newImage != null) {
            data.newImage(newImage);
        }
        return Record.builder().eventName(name).dynamodb(data.build()).build();
    }

    private static Map<String, AttributeValue> image(String status) {
        Map<String, AttributeValue> image = new LinkedHashMap<>(KEYS);
        image.put("status", AttributeValue.fromS(status));
        return image;
    }
}
