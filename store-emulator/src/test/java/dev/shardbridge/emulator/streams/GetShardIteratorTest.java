package dev.shardbridge.emulator.streams;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertAwsError;
import static dev.shardbridge.emulator.conformance.AwsErrors.assertValidationError;
import static dev.shardbridge.emulator.streams.TestTable.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** GetShardIterator's four starting points and its validation, answered as AWS answers. */
class GetShardIteratorTest {
    private static StreamsEmulator emulator;
    private static DynamoDbStreamsClient streams;
    private static StreamReader reader;
    private static TestTable table;
    private static String arn;
    private static String shardId;
    private static List<String> sequenceNumbers;

    /** One shard holding the changes a, b, c, in that order. */
    @BeforeAll
    static void start() {
        emulator = StreamsEmulator.start();
        streams = emulator.clients().streams();
        reader = new StreamReader(streams);
        emulator.partitions("iterators", 1);
        table = TestTable.create(emulator.clients(), "iterators", StreamViewType.KEYS_ONLY);
        for (String key : List.of("a", "b", "c")) {
            table.put(item("pk", key));
        }
        arn = table.streamArn();
        shardId = reader.shards(arn).get(0).shardId();
        sequenceNumbers = reader.readShard(arn, shardId).stream().map(r -> r.dynamodb().sequenceNumber()).toList();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void trimHorizonStartsAtTheOldestRecord() {
        assertThat(keys(reader.drain(iterator(ShardIteratorType.TRIM_HORIZON, null)))).containsExactly("a", "b", "c");
    }

    @Test
    void latestStartsAfterTheNewestRecordAndSeesLaterOnes() {
        emulator.partitions("iterators-latest", 1);
        TestTable latestTable = TestTable.create(emulator.clients(), "iterators-latest", StreamViewType.KEYS_ONLY);
        latestTable.put(item("pk", "before"));
        String latestArn = latestTable.streamArn();
        String shard = reader.shards(latestArn).get(0).shardId();
        String iterator = reader.iterator(latestArn, shard, ShardIteratorType.LATEST, null);

        GetRecordsResponse empty = streams.getRecords(b -> b.shardIterator(iterator));
        latestTable.put(item("pk", "after"));
        GetRecordsResponse later = streams.getRecords(b -> b.shardIterator(empty.nextShardIterator()));

        assertThat(empty.records()).isEmpty();
        assertThat(keys(later.records())).containsExactly("after");
    }

    @Test
    void atSequenceNumberStartsAtThatRecord() {
        assertThat(keys(reader.drain(iterator(ShardIteratorType.AT_SEQUENCE_NUMBER, sequenceNumbers.get(1)))))
                .containsExactly("b", "c");
    }

    @Test
    void afterSequenceNumberStartsAfterThatRecord() {
        assertThat(keys(reader.drain(iterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, sequenceNumbers.get(1)))))
                .containsExactly("c");
        assertThat(reader.drain(iterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, sequenceNumbers.get(2)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ShardIteratorType.class, names = {"AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"})
    void aSequenceNumberIsRequiredBySequenceTypes(ShardIteratorType type) {
        assertValidationError(() -> iterator(type, null),
                "One or more parameter values were invalid: Invalid SequenceNumber");
    }

    @ParameterizedTest
    @EnumSource(value = ShardIteratorType.class, names = {"TRIM_HORIZON", "LATEST"})
    void aSequenceNumberIsRefusedByPositionTypes(ShardIteratorType type) {
        assertValidationError(() -> iterator(type, sequenceNumbers.get(0)), "One or more parameter values were "
                + "invalid: SequenceNumber should not be passed for this iterator type");
    }

    @Test
    void aSequenceNumberShorterThan21CharactersFailsItsConstraint() {
        assertValidationError(() -> iterator(ShardIteratorType.AT_SEQUENCE_NUMBER, "123"),
                "1 validation error detected: Value '123' at 'sequenceNumber' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 21");
    }

    @Test
    void aSequenceNumberOutsideTheShardIsInvalid() {
        String beyond = "9".repeat(21);

        assertValidationError(() -> iterator(ShardIteratorType.AT_SEQUENCE_NUMBER, beyond),
                "Invalid SequenceNumber for ShardIteratorType AT_SEQUENCE_NUMBER: SequenceNumber " + beyond
                        + " is not in the range of shard " + shardId);
    }

    @Test
    void anUnknownIteratorTypeFailsItsConstraint() {
        assertValidationError(() -> streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType("FROM_THE_MIDDLE")),
                "1 validation error detected: Value 'FROM_THE_MIDDLE' at 'shardIteratorType' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: "
                        + "[TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]");
    }

    @Test
    void anUnknownShardIsNotFound() {
        assertAwsError(() -> reader.iterator(arn, "shardId-00000000000000000000-00000000",
                ShardIteratorType.TRIM_HORIZON, null), ResourceNotFoundException.class, "ResourceNotFoundException",
                "Requested resource not found: Shard does not exist");
    }

    @Test
    void anUnknownStreamIsNotFound() {
        String unknown = arn.replace("/stream/", "/stream/1");

        assertAwsError(() -> reader.iterator(unknown, shardId, ShardIteratorType.TRIM_HORIZON, null),
                ResourceNotFoundException.class, "ResourceNotFoundException",
                "Requested resource not found: Stream: " + unknown + " not found");
    }

    private static String iterator(ShardIteratorType type, String sequenceNumber) {
        return reader.iterator(arn, shardId, type, sequenceNumber);
    }

    private static List<String> keys(List<Record> records) {
        return records.stream().map(r -> r.dynamodb().keys().get("pk").s()).toList();
    }
}
