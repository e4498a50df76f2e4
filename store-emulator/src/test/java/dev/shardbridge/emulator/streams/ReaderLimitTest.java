package dev.shardbridge.emulator.streams;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertAwsError;
import static dev.shardbridge.emulator.streams.TestTable.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shardbridge.emulator.stream.StreamSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * At most two readers poll a shard at once, as on AWS; a third is throttled until one has been idle for
 * the reader window (one second).
 */
class ReaderLimitTest {
    @RegisterExtension
    static final StreamsEmulator emulator = StreamsEmulator.frozen(StreamSettings.AWS);

    @Test
    void aThirdConcurrentReaderOfAShardIsThrottled() {
        TestTable table = table("readers-third");
        String first = trimHorizon(table, 0);
        String second = trimHorizon(table, 0);
        String third = trimHorizon(table, 0);

        GetRecordsResponse firstPage = emulator.streams().getRecords(b -> b.shardIterator(first).limit(1));
        emulator.streams().getRecords(b -> b.shardIterator(second));

        assertAwsError(() -> emulator.streams().getRecords(b -> b.shardIterator(third)), LimitExceededException.class,
                "LimitExceededException", "Too many readers of shard " + shardId(table, 0)
                        + ": at most 2 may read a shard at the same time");
        assertThat(emulator.streams().getRecords(b -> b.shardIterator(firstPage.nextShardIterator())).records())
                .as("a reader already admitted keeps reading").hasSize(1);
    }

    @Test
    void aThrottledReaderGetsInOnceAnotherHasBeenIdleForTheWindow() {
        TestTable table = table("readers-window");
        String first = trimHorizon(table, 0);
        String second = trimHorizon(table, 0);
        String third = trimHorizon(table, 0);
        emulator.streams().getRecords(b -> b.shardIterator(first));
        emulator.streams().getRecords(b -> b.shardIterator(second));

        emulator.advance(Duration.ofMillis(999));
        assertThatThrownBy(() -> emulator.streams().getRecords(b -> b.shardIterator(third)))
                .isInstanceOf(LimitExceededException.class);
        emulator.advance(Duration.ofMillis(1));

        assertThat(emulator.streams().getRecords(b -> b.shardIterator(third)).records()).hasSize(2);
    }

    /** Were each next iterator a new emulator.reader(), the second page would be the third emulator.reader(). */
    @Test
    void aReaderFollowingItsNextIteratorsStaysOneReader() {
        TestTable table = table("readers-one-chain");
        String other = trimHorizon(table, 0);
        emulator.streams().getRecords(b -> b.shardIterator(other));
        String iterator = trimHorizon(table, 0);
        for (int call = 0; call < 10; call++) {
            String current = iterator;
            iterator = emulator.streams().getRecords(b -> b.shardIterator(current).limit(1)).nextShardIterator();
        }
        assertThat(iterator).isNotNull();
    }

    @Test
    void readersOfDifferentShardsDoNotCountAgainstEachOther() {
        TestTable table = table("readers-shards");
        List<String> iterators = List.of(trimHorizon(table, 0), trimHorizon(table, 0),
                trimHorizon(table, 1), trimHorizon(table, 1));

        for (String iterator : iterators) {
            assertThat(emulator.streams().getRecords(b -> b.shardIterator(iterator)).nextShardIterator()).isNotNull();
        }
    }

    /** Two partitions; two records in the first shard. */
    private static TestTable table(String name) {
        emulator.partitions(name, 2);
        TestTable table = TestTable.create(emulator.clients(), name, StreamViewType.KEYS_ONLY);
        emulator.keysIn(name, 0, 2).forEach(key -> table.put(item("pk", key)));
        return table;
    }

    private static String trimHorizon(TestTable table, int shardIndex) {
        return emulator.reader().iterator(table.streamArn(), shardId(table, shardIndex), ShardIteratorType.TRIM_HORIZON, null);
    }

    private static String shardId(TestTable table, int shardIndex) {
        return emulator.reader().shards(table.streamArn()).get(shardIndex).shardId();
    }
}
