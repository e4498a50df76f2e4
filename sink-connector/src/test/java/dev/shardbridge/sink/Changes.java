package dev.shardbridge.sink;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.event.SourceInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds change events for tests: items with a string partition key {@code pk} and a number {@code n}. */
public final class Changes {

    public static final String TABLE = "orders";

    private Changes() {
    }

    public static ChangeEvent put(Operation op, String pk, String sequenceNumber, int n) {
        Map<String, AttributeValue> image = new LinkedHashMap<>(key(pk));
        image.put("n", AttributeValue.fromN(Integer.toString(n)));
        return new ChangeEvent(op, key(pk), null, image, source(TABLE, sequenceNumber), Instant.EPOCH);
    }

    public static ChangeEvent delete(String pk, String sequenceNumber) {
        return new ChangeEvent(Operation.DELETE, key(pk), null, null, source(TABLE, sequenceNumber), Instant.EPOCH);
    }

    public static ChangeEvent withoutImage(Operation op, String pk, String sequenceNumber) {
        return new ChangeEvent(op, key(pk), null, null, source(TABLE, sequenceNumber), Instant.EPOCH);
    }

    public static ChangeEvent inTable(String table, String pk, String sequenceNumber, int n) {
        ChangeEvent change = put(Operation.UPDATE, pk, sequenceNumber, n);
        return new ChangeEvent(change.op(), change.key(), null, change.after(), source(table, sequenceNumber), Instant.EPOCH);
    }

    public static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    private static SourceInfo source(String table, String sequenceNumber) {
        boolean snapshot = sequenceNumber == null;
        return new SourceInfo("dynamodb", "test", table, snapshot ? null : "arn:aws:dynamodb:stream",
                snapshot ? null : "shardId-00000001", sequenceNumber, Instant.EPOCH, snapshot);
    }
}
