package dev.shardbridge.emulator.streams;

import static dev.shardbridge.emulator.streams.TestTable.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Stream records carry exactly what AWS's carry, for every view type, and no-op writes carry nothing. */
class RecordShapeTest {
    private static final Map<String, AttributeValue> KEY = item("pk", "k1");
    private static final Map<String, AttributeValue> FIRST = item("pk", "k1", "v", 1);
    private static final Map<String, AttributeValue> SECOND = item("pk", "k1", "v", 2);
    /** "pk" + "k1": attribute names count, strings count their UTF-8 bytes. */
    private static final int KEY_BYTES = 4;
    /** The key plus "v" and a one-digit number, which counts 2 bytes. */
    private static final int IMAGE_BYTES = 7;

    @RegisterExtension
    static final StreamsEmulator emulator = StreamsEmulator.frozen();

    @ParameterizedTest
    @EnumSource(value = StreamViewType.class, names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void insertModifyAndRemoveCarryTheImagesTheViewTypeAsksFor(StreamViewType view) {
        List<Record> records = emulator.reader().readAll(writeInsertModifyRemove("shape-" + view, view).streamArn());

        assertThat(records).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        boolean newImages = view == StreamViewType.NEW_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
        boolean oldImages = view == StreamViewType.OLD_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
        List<Map<String, AttributeValue>> newImagesSeen = new ArrayList<>();
        List<Map<String, AttributeValue>> oldImagesSeen = new ArrayList<>();
        for (Record record : records) {
            assertThat(record.eventVersion()).isEqualTo("1.1");
            assertThat(record.eventSource()).isEqualTo("aws:dynamodb");
            assertThat(record.awsRegion()).isEqualTo("us-east-1");
            assertThat(record.eventID()).matches("[0-9a-f]{32}");
            assertThat(record.dynamodb().streamViewType()).isEqualTo(view);
            assertThat(record.dynamodb().keys()).isEqualTo(KEY);
            assertThat(record.dynamodb().approximateCreationDateTime())
                    .isEqualTo(StreamsEmulator.START.truncatedTo(ChronoUnit.SECONDS));
            newImagesSeen.add(record.dynamodb().hasNewImage() ? record.dynamodb().newImage() : null);
            oldImagesSeen.add(record.dynamodb().hasOldImage() ? record.dynamodb().oldImage() : null);
        }
        assertThat(newImagesSeen).containsExactly(newImages ? FIRST : null, newImages ? SECOND : null, null);
        assertThat(oldImagesSeen).containsExactly(null, oldImages ? FIRST : null, oldImages ? SECOND : null);
        assertThat(records).extracting(Record::eventID).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(value = StreamViewType.class, names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void sizeBytesCountsTheKeysAndTheImagesCarried(StreamViewType view) {
        List<Record> records = emulator.reader().readAll(writeInsertModifyRemove("size-" + view, view).streamArn());

        List<Integer> expected = switch (view) {
            case KEYS_ONLY -> List.of(KEY_BYTES, KEY_BYTES, KEY_BYTES);
            case NEW_IMAGE -> List.of(KEY_BYTES + IMAGE_BYTES, KEY_BYTES + IMAGE_BYTES, KEY_BYTES);
            case OLD_IMAGE -> List.of(KEY_BYTES, KEY_BYTES + IMAGE_BYTES, KEY_BYTES + IMAGE_BYTES);
            default -> List.of(KEY_BYTES + IMAGE_BYTES, KEY_BYTES + 2 * IMAGE_BYTES, KEY_BYTES + IMAGE_BYTES);
        };
        assertThat(records).extracting(r -> r.dynamodb().sizeBytes().intValue()).isEqualTo(expected);
    }

    @Test
    void keysHoldThePartitionAndTheSortKey() {
        emulator.partitions("shape-sorted", 1);
        TestTable table = TestTable.createWithSortKey(emulator.clients(), "shape-sorted", StreamViewType.KEYS_ONLY);
        table.put(item("pk", "k1", "sk", 7, "payload", "x"));

        Record record = emulator.reader().readAll(table.streamArn()).get(0);

        assertThat(record.dynamodb().keys()).isEqualTo(item("pk", "k1", "sk", 7));
        assertThat(record.dynamodb().hasNewImage()).isFalse();
        assertThat(record.dynamodb().hasOldImage()).isFalse();
    }

    @Test
    void noOpWritesProduceNoRecord() {
        emulator.partitions("shape-noop", 1);
        TestTable table = TestTable.create(emulator.clients(), "shape-noop", StreamViewType.NEW_AND_OLD_IMAGES);
        DynamoDbClient client = emulator.clients().tables();
        table.put(FIRST);
        table.put(FIRST);
        client.putItem(b -> b.tableName(table.name()).item(FIRST));
        client.updateItem(b -> b.tableName(table.name()).key(KEY).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", FIRST.get("v"))));
        assertThatThrownBy(() -> client.putItem(b -> b.tableName(table.name()).item(SECOND)
                .conditionExpression("attribute_not_exists(pk)"))).isInstanceOf(ConditionalCheckFailedException.class);
        client.deleteItem(b -> b.tableName(table.name()).key(item("pk", "never-written")));
        table.delete(KEY);
        table.delete(KEY);

        assertThat(emulator.reader().readAll(table.streamArn())).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.REMOVE);
    }

    /** The SDK ignores members it does not know, so the wire JSON is checked for exactly AWS's members. */
    @Test
    void theWireRecordHasExactlyAwsMembers() throws Exception {
        TestTable table = writeInsertModifyRemove("shape-wire", StreamViewType.NEW_AND_OLD_IMAGES);
        String shardId = emulator.reader().shards(table.streamArn()).get(0).shardId();
        String iterator = emulator.reader().iterator(table.streamArn(), shardId, ShardIteratorType.TRIM_HORIZON, null);

        JsonNode response = postGetRecords(iterator);

        JsonNode records = response.path("Records");
        assertThat(records.size()).isEqualTo(3);
        assertThat(fieldNames(records.get(0)))
                .containsExactlyInAnyOrder("eventID", "eventName", "eventVersion", "eventSource", "awsRegion",
                        "dynamodb");
        assertThat(fieldNames(records.get(0).path("dynamodb"))).containsExactlyInAnyOrder("ApproximateCreationDateTime",
                "Keys", "NewImage", "SequenceNumber", "SizeBytes", "StreamViewType");
        assertThat(fieldNames(records.get(1).path("dynamodb"))).containsExactlyInAnyOrder("ApproximateCreationDateTime",
                "Keys", "NewImage", "OldImage", "SequenceNumber", "SizeBytes", "StreamViewType");
        assertThat(fieldNames(records.get(2).path("dynamodb"))).containsExactlyInAnyOrder("ApproximateCreationDateTime",
                "Keys", "OldImage", "SequenceNumber", "SizeBytes", "StreamViewType");
        JsonNode created = records.get(0).path("dynamodb").path("ApproximateCreationDateTime");
        assertThat(created.isNumber()).isTrue();
        assertThat(created.asLong()).isEqualTo(StreamsEmulator.START.getEpochSecond());
        assertThat(records.get(1).path("dynamodb").path("OldImage").toString())
                .isEqualTo("{\"pk\":{\"S\":\"k1\"},\"v\":{\"N\":\"1\"}}");
    }

    /** One partition, so that the three changes share a shard. */
    private static TestTable writeInsertModifyRemove(String name, StreamViewType view) {
        emulator.partitions(name, 1);
        TestTable table = TestTable.create(emulator.clients(), name, view);
        table.put(FIRST);
        table.put(SECOND);
        table.delete(KEY);
        return table;
    }

    private static JsonNode postGetRecords(String iterator) throws Exception {
        String body = new ObjectMapper().createObjectNode().put("ShardIterator", iterator).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.emulator().endpoint() + "/"))
                .header("X-Amz-Target", "DynamoDBStreams_20120810.GetRecords")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
