package dev.shardbridge.emulator.streams;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertAwsError;
import static dev.shardbridge.emulator.streams.TestTable.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.stream.StreamSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The readers limit is configurable; 1 models global tables, whose replication takes one of the two. */
class SingleReaderLimitTest {
    @RegisterExtension
    static final StreamsEmulator emulator = StreamsEmulator.frozen(StreamSettings.AWS.withMaxReadersPerShard(1));

    @Test
    void aSecondReaderIsThrottled() {
        emulator.partitions("single-reader", 1);
        TestTable table = TestTable.create(emulator.clients(), "single-reader", StreamViewType.KEYS_ONLY);
        table.put(item("pk", "k"));
        DynamoDbStreamsClient streams = emulator.clients().streams();
        StreamReader reader = new StreamReader(streams);
        String arn = table.streamArn();
        String shardId = reader.shards(arn).get(0).shardId();
        String first = reader.iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON, null);
        String second = reader.iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON, null);

        assertThat(streams.getRecords(b -> b.shardIterator(first)).records()).hasSize(1);
        assertAwsError(() -> streams.getRecords(b -> b.shardIterator(second)), LimitExceededException.class,
                "LimitExceededException", "Too many readers of shard " + shardId
                        + ": at most 1 may read a shard at the same time");
    }
}
