package dev.shardbridge.emulator.durability;

import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.ByteString;
import dev.shardbridge.emulator.model.KeySchema;
import dev.shardbridge.emulator.stream.EventName;
import dev.shardbridge.emulator.stream.HashRange;
import dev.shardbridge.emulator.stream.ShardState;
import dev.shardbridge.emulator.stream.StreamRecord;
import dev.shardbridge.emulator.stream.StreamState;
import dev.shardbridge.emulator.stream.StreamStatus;
import dev.shardbridge.emulator.stream.TableStreamsState;
import dev.shardbridge.emulator.table.BillingMode;
import dev.shardbridge.emulator.table.ProvisionedThroughput;
import dev.shardbridge.emulator.table.StreamSpecification;
import dev.shardbridge.emulator.table.StreamViewType;
import dev.shardbridge.emulator.table.TableDefinition;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Values of every kind the durable log holds, for round-trip tests. */
final class SampleState {
    static final KeySchema KEYS = new KeySchema("pk", AttributeType.S, "sk", AttributeType.N);

    private SampleState() {
    }

    /** An item with one attribute of each of the ten types, nested ones included. */
    static Map<String, AttributeValue> itemOfEveryType(String pk, long sk) {
        Map<String, AttributeValue> nested = new LinkedHashMap<>();
        nested.put("depth", AttributeValue.NumberValue.parse("2"));
        nested.put("inner", new AttributeValue.ListValue(List.of(new AttributeValue.StringValue("x"),
                AttributeValue.NullValue.INSTANCE)));
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", new AttributeValue.StringValue(pk));
        item.put("sk", AttributeValue.NumberValue.parse(Long.toString(sk)));
        item.put("s", new AttributeValue.StringValue("grüße, 東京 \uD83D\uDE00"));
        item.put("n", AttributeValue.NumberValue.parse("-12345678901234567890.000123456789"));
        item.put("b", new AttributeValue.BinaryValue(ByteString.copyOf(new byte[] {0, -1, 127, -128, 42})));
        item.put("bool", AttributeValue.BoolValue.TRUE);
        item.put("null", AttributeValue.NullValue.INSTANCE);
        item.put("m", new AttributeValue.MapValue(nested));
        item.put("l", new AttributeValue.ListValue(List.of(AttributeValue.NumberValue.parse("1E+125"),
                new AttributeValue.MapValue(Map.of()), AttributeValue.BoolValue.FALSE)));
        item.put("ss", new AttributeValue.StringSetValue(new LinkedHashSet<>(List.of("a", "b", "c"))));
        item.put("ns", new AttributeValue.NumberSetValue(Set.of(new BigDecimal("1"), new BigDecimal("1E-130"))));
        item.put("bs", new AttributeValue.BinarySetValue(Set.of(ByteString.copyOf("one".getBytes(StandardCharsets.UTF_8)),
                ByteString.copyOf(new byte[0]))));
        return item;
    }

    static TableDefinition definition(String name, String id, StreamViewType view) {
        Map<String, AttributeType> attributes = new LinkedHashMap<>();
        attributes.put("pk", AttributeType.S);
        attributes.put("sk", AttributeType.N);
        return new TableDefinition(name, "arn:aws:dynamodb:us-east-1:000000000000:table/" + name, id, KEYS,
                attributes, BillingMode.PROVISIONED, new ProvisionedThroughput(5, 7),
                view == null ? StreamSpecification.DISABLED : new StreamSpecification(true, view),
                Instant.ofEpochSecond(1_700_000_000L, 123_456_789), Instant.ofEpochSecond(1_600_000_000L));
    }

    static StreamRecord record(long sequence, Map<String, AttributeValue> newImage, Map<String, AttributeValue> oldImage) {
        Map<String, AttributeValue> any = newImage != null ? newImage : oldImage;
        Map<String, AttributeValue> keys = KEYS.keyOf(any);
        EventName event = oldImage == null ? EventName.INSERT : newImage == null ? EventName.REMOVE : EventName.MODIFY;
        return new StreamRecord("0123456789abcdef0123456789abcdef", event, sequence, 1_700_000_000_123L + sequence,
                keys, newImage, oldImage, 321, StreamViewType.NEW_AND_OLD_IMAGES, "eu-west-1");
    }

    /** A stream with a closed parent, two open children from a split, and records in the parent. */
    static StreamState stream(String arn, boolean withRecords) {
        HashRange whole = new HashRange(0, -1);
        List<HashRange> halves = whole.halves();
        List<StreamRecord> records = withRecords
                ? List.of(record(110, itemOfEveryType("a", 1), null), record(140, null, itemOfEveryType("a", 1)))
                : List.of();
        ShardState parent = new ShardState("shardId-00000001700000000000-0000000a", null, whole, 100,
                1_700_000_000_000L, 150, 1_700_000_001_000L, 3, 99, records);
        ShardState left = new ShardState("shardId-00000001700000001000-0000000b", parent.id(), halves.get(0), 160,
                1_700_000_001_000L, -1, -1, 0, -1, List.of());
        ShardState right = new ShardState("shardId-00000001700000001000-0000000c", parent.id(), halves.get(1), 170,
                1_700_000_001_000L, -1, -1, 0, -1, List.of());
        return new StreamState(arn, "2023-11-14T22:13:20.000", "orders", KEYS, StreamViewType.NEW_AND_OLD_IMAGES,
                1_700_000_000_000L, StreamStatus.ENABLED, -1, List.of(parent, left, right));
    }

    static TableStreamsState tableStreams(String arn) {
        StreamState stream = stream(arn, false);
        return new TableStreamsState("orders", "table-id-1", new HashRange(0, -1).halves(), 3, stream,
                List.of(stream.shards().get(1).id(), stream.shards().get(2).id()));
    }
}
