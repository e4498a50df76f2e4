package dev.shardbridge.sink.testing;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.event.SourceInfo;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A seeded history of changes to a source table, in sequence order, and the state the replica must
 * reach: for each key, the image of its newest change, or nothing if that change is a delete.
 * Items carry several DynamoDB types so a lossy replay would show.
 *
 * @param changes the changes, oldest first
 */
public record ChangeHistory(List<ChangeEvent> changes) {

    /** 21 digits, as DynamoDB's; steps of 7 keep the numbers non-contiguous like AWS's. */
    private static final BigInteger FIRST_SEQUENCE = new BigInteger("100000000000000000000");

    public static ChangeHistory random(String table, int keys, int count, long seed, int payloadBytes) {
        Random random = new Random(seed);
        List<ChangeEvent> changes = new ArrayList<>();
        Map<String, Boolean> exists = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String pk = "item-" + random.nextInt(keys);
            String sequence = FIRST_SEQUENCE.add(BigInteger.valueOf(7L * i)).toString();
            boolean present = exists.getOrDefault(pk, false);
            ChangeEvent change;
            if (present && random.nextInt(5) == 0) {
                change = event(Operation.DELETE, table, pk, sequence, null);
                exists.put(pk, false);
            } else {
                change = event(present ? Operation.UPDATE : Operation.CREATE, table, pk, sequence,
                        image(pk, i, random, payloadBytes));
                exists.put(pk, true);
            }
            changes.add(change);
        }
        return new ChangeHistory(List.copyOf(changes));
    }

    /** A change with the given image (null for a delete or an image-less change). */
    public static ChangeEvent event(Operation op, String table, String pk, String sequence,
                                    Map<String, AttributeValue> image) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(pk));
        SourceInfo source = new SourceInfo("dynamodb", "test", table, "arn:aws:dynamodb:us-east-1:000000000000:table/"
                + table + "/stream/2026-01-01T00:00:00.000", "shardId-00000001-0001", sequence, Instant.EPOCH, false);
        return new ChangeEvent(op, key, null, image, source, Instant.EPOCH);
    }

    public static Map<String, AttributeValue> image(String pk, int n, Random random, int payloadBytes) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("n", AttributeValue.fromN(Integer.toString(n)));
        item.put("price", AttributeValue.fromN("12345678901234567890.123456789"));
        item.put("active", AttributeValue.fromBool(n % 2 == 0));
        item.put("tags", AttributeValue.fromSs(List.of("t" + n % 3, "x")));
        item.put("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) n, 0, (byte) 255})));
        item.put("nested", AttributeValue.fromM(Map.of("l", AttributeValue.fromL(List.of(
                AttributeValue.fromN("1"), AttributeValue.fromNul(true), AttributeValue.fromS("s"))))));
        StringBuilder payload = new StringBuilder();
        while (payload.length() < payloadBytes) {
            payload.append((char) ('a' + random.nextInt(26)));
        }
        item.put("payload", AttributeValue.fromS(payload.toString()));
        return item;
    }

    /** The replica's expected visible items, by {@code pk}. */
    public Map<String, Map<String, AttributeValue>> expectedState() {
        Map<String, Map<String, AttributeValue>> state = new HashMap<>();
        for (ChangeEvent change : changes) {
            String pk = change.key().get("pk").s();
            if (change.op() == Operation.DELETE) {
                state.remove(pk);
            } else {
                state.put(pk, change.after());
            }
        }
        return state;
    }
}
