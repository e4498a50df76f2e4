package dev.shardbridge.emulator.streams;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertAwsError;
import static dev.shardbridge.emulator.streams.TestTable.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/**
 * Records are readable for 24 hours, then trimmed: reading them fails with TrimmedDataAccessException,
 * the trim horizon moves past them, and a closed shard with nothing left disappears.
 */
class RetentionTest {
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final String TRIMMED = "The operation attempted to read past the oldest stream record in a shard.";

    @RegisterExtension
    static final StreamsEmulator emulator = StreamsEmulator.frozen();

    /**
     * Records a and b at t0 and c at t0 + 3 h share the first shard (it rolls over at t0 + 4 h). At
     * t0 + 24 h + 1 min, a and b are trimmed and c is not.
     */
    @Test
    void recordsOlderThanTheRetentionAreTrimmedAndTheTrimHorizonMoves() {
        emulator.partitions("retention-trim", 1);
        TestTable table = TestTable.create(emulator.clients(), "retention-trim", StreamViewType.KEYS_ONLY);
        String arn = table.streamArn();
        table.put(item("pk", "a"));
        table.put(item("pk", "b"));
        emulator.advance(Duration.ofHours(3));
        table.put(item("pk", "c"));
        String shardId = emulator.reader().shards(arn).get(0).shardId();
        List<String> sequence = emulator.reader().readShard(arn, shardId).stream()
                .map(r -> r.dynamodb().sequenceNumber()).toList();

        emulator.advance(Duration.ofHours(21).minusMinutes(5));
        String issuedBeforeTrim = emulator.reader().iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON, null);
        emulator.advance(Duration.ofMinutes(6));

        assertTrimmed(() -> emulator.streams().getRecords(b -> b.shardIterator(issuedBeforeTrim)));
        assertThat(keys(emulator.reader().readShard(arn, shardId))).as("from the new trim horizon").containsExactly("c");
        assertTrimmed(() -> emulator.reader().iterator(arn, shardId, ShardIteratorType.AT_SEQUENCE_NUMBER, sequence.get(0)));
        assertTrimmed(() -> emulator.reader().iterator(arn, shardId, ShardIteratorType.AT_SEQUENCE_NUMBER, sequence.get(1)));
        // The record after a is b, which is trimmed too.
        assertTrimmed(() -> emulator.reader().iterator(arn, shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, sequence.get(0)));
        assertThat(keys(emulator.reader().drain(emulator.reader().iterator(arn, shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER,
                sequence.get(1))))).as("after the newest trimmed record").containsExactly("c");
        assertThat(keys(emulator.reader().drain(emulator.reader().iterator(arn, shardId, ShardIteratorType.AT_SEQUENCE_NUMBER,
                sequence.get(2))))).containsExactly("c");
    }

    @Test
    void aClosedShardDisappearsOnceAllItsRecordsAreTrimmed() {
        emulator.partitions("retention-shard", 1);
        TestTable table = TestTable.create(emulator.clients(), "retention-shard", StreamViewType.KEYS_ONLY);
        String arn = table.streamArn();
        table.put(item("pk", "a"));
        String first = emulator.reader().shards(arn).get(0).shardId();
        emulator.streamsOf(table.name()).rollAll();
        table.put(item("pk", "b"));

        emulator.advance(RETENTION.minusMillis(1));
        List<Shard> justBefore = emulator.reader().shards(arn);
        emulator.advance(Duration.ofSeconds(2));
        List<Shard> after = emulator.reader().shards(arn);

        assertThat(justBefore.get(0).shardId()).isEqualTo(first);
        assertThat(after).extracting(Shard::shardId).doesNotContain(first);
        assertAwsError(() -> emulator.reader().iterator(arn, first, ShardIteratorType.TRIM_HORIZON, null),
                ResourceNotFoundException.class, "ResourceNotFoundException",
                "Requested resource not found: Shard does not exist");
        assertThat(after.get(0).parentShardId()).as("the oldest listed shard names a trimmed parent")
                .isNotIn(after.stream().map(Shard::shardId).toList()).isNotNull();
        assertThat(emulator.reader().readAll(arn)).as("b is as old as a").isEmpty();
    }

    private static void assertTrimmed(ThrowingCallable call) {
        assertAwsError(call, TrimmedDataAccessException.class, "TrimmedDataAccessException", TRIMMED);
    }

    private static List<String> keys(List<Record> records) {
        return records.stream().map(r -> r.dynamodb().keys().get("pk").s()).toList();
    }
}
