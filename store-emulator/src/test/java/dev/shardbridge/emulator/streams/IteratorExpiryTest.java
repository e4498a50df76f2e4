package dev.shardbridge.emulator.streams;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertAwsError;
import static dev.shardbridge.emulator.streams.TestTable.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Shard iterators expire 15 minutes after they were issued, on the emulator clock. */
class IteratorExpiryTest {
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    @RegisterExtension
    static final StreamsEmulator emulator = StreamsEmulator.frozen();
    private static int tables;
    private String arn;
    private String shardId;

    /** A one-shard table holding three records, a fresh one per test. */
    @BeforeEach
    void writeThreeRecords() {
        String name = "expiry-" + ++tables;
        emulator.partitions(name, 1);
        TestTable table = TestTable.create(emulator.clients(), name, StreamViewType.KEYS_ONLY);
        List.of("a", "b", "c").forEach(key -> table.put(item("pk", key)));
        arn = table.streamArn();
        shardId = emulator.reader().shards(arn).get(0).shardId();
    }

    @Test
    void anIteratorIsValidForFifteenMinutes() {
        String iterator = trimHorizon();
        emulator.advance(LIFETIME);

        assertThat(emulator.streams().getRecords(b -> b.shardIterator(iterator)).records()).hasSize(3);
    }

    @Test
    void anOlderIteratorHasExpired() {
        String iterator = trimHorizon();
        long issuedAt = emulator.now().toEpochMilli();
        emulator.advance(LIFETIME.plusMillis(1));

        assertAwsError(() -> emulator.streams().getRecords(b -> b.shardIterator(iterator)), ExpiredIteratorException.class,
                "ExpiredIteratorException", "Iterator expired. The iterator was created at time " + dateText(issuedAt)
                        + " while right now it is " + dateText(issuedAt + LIFETIME.toMillis() + 1)
                        + " which is further in the future than the tolerated delay of 900000 milliseconds.");
    }

    @Test
    void eachNextIteratorStartsAFreshLifetime() {
        String iterator = trimHorizon();
        emulator.advance(Duration.ofMinutes(10));
        GetRecordsResponse first = emulator.streams().getRecords(b -> b.shardIterator(iterator).limit(1));
        emulator.advance(Duration.ofMinutes(10));
        GetRecordsResponse second = emulator.streams().getRecords(b -> b.shardIterator(first.nextShardIterator()).limit(1));

        assertThat(second.records()).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("b");
    }

    @Test
    void aReaderResumesAfterAnExpiredIteratorFromItsLastSequenceNumber() {
        GetRecordsResponse first = emulator.streams().getRecords(b -> b.shardIterator(trimHorizon()).limit(1));
        Record last = first.records().get(0);
        emulator.advance(LIFETIME.plusMinutes(1));
        assertThatThrownBy(() -> emulator.streams().getRecords(b -> b.shardIterator(first.nextShardIterator())))
                .isInstanceOf(ExpiredIteratorException.class);

        String resumed = emulator.reader().iterator(arn, shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER,
                last.dynamodb().sequenceNumber());

        assertThat(emulator.reader().drain(resumed)).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("b", "c");
    }

    /** AWS writes times as {@code java.util.Date#toString} does, in UTC. */
    private static String dateText(long epochMillis) {
        return DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US).withZone(ZoneId.of("UTC"))
                .format(Instant.ofEpochMilli(epochMillis));
    }

    private String trimHorizon() {
        return emulator.reader().iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON, null);
    }
}
