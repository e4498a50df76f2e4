package dev.shardbridge.emulator.streams;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertAwsError;
import static dev.shardbridge.emulator.streams.TestTable.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.Stream;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Disabling a stream closes it; re-enabling starts a new one with a new ARN. A disabled stream, and the
 * stream of a deleted table, stay readable until their records age out (24 hours).
 */
class StreamLifecycleTest {
    private static final Duration RETENTION = Duration.ofHours(24);

    @RegisterExtension
    static final StreamsEmulator emulator = StreamsEmulator.frozen();

    @Test
    void disablingClosesEveryShardAndStopsRecording() {
        TestTable table = TestTable.create(emulator.clients(), "lifecycle-disable", StreamViewType.KEYS_ONLY);
        String arn = table.streamArn();
        table.put(item("pk", "while-enabled"));

        table.disableStream();
        table.put(item("pk", "while-disabled"));
        StreamDescription stream = describe(arn);
        TableDescription tableDescription = table.describe();

        assertThat(stream.streamStatus()).isEqualTo(StreamStatus.DISABLED);
        assertThat(stream.shards()).hasSize(4).allSatisfy(shard ->
                assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNotNull());
        assertThat(keys(emulator.reader().readAll(arn))).containsExactly("while-enabled");
        assertThat(tableDescription.streamSpecification()).isNull();
        assertThat(tableDescription.latestStreamArn()).as("the last stream stays named").isEqualTo(arn);
    }

    @Test
    void reEnablingStartsANewStreamWhileTheOldOneStaysReadable() {
        TestTable table = TestTable.create(emulator.clients(), "lifecycle-reenable", StreamViewType.KEYS_ONLY);
        String oldArn = table.streamArn();
        table.put(item("pk", "old"));
        table.disableStream();

        table.enableStream(StreamViewType.NEW_IMAGE);
        table.put(item("pk", "new"));
        TableDescription tableDescription = table.describe();
        String newArn = tableDescription.latestStreamArn();

        assertThat(newArn).isNotEqualTo(oldArn).endsWith("/stream/" + tableDescription.latestStreamLabel());
        assertThat(emulator.streams().listStreams(b -> b.tableName(table.name())).streams()).extracting(Stream::streamArn)
                .containsExactlyInAnyOrder(oldArn, newArn);
        assertThat(describe(newArn).streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(describe(newArn).streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
        assertThat(describe(oldArn).streamStatus()).isEqualTo(StreamStatus.DISABLED);
        assertThat(keys(emulator.reader().readAll(oldArn))).containsExactly("old");
        assertThat(keys(emulator.reader().readAll(newArn))).containsExactly("new");
    }

    @Test
    void aDisabledStreamIsGoneOnceItsRecordsAgeOut() {
        TestTable table = TestTable.create(emulator.clients(), "lifecycle-aging", StreamViewType.KEYS_ONLY);
        String oldArn = table.streamArn();
        table.put(item("pk", "old"));
        table.disableStream();
        table.enableStream(StreamViewType.KEYS_ONLY);
        String newArn = table.streamArn();

        emulator.advance(RETENTION.minusMillis(1));
        StreamStatus beforeAging = describe(oldArn).streamStatus();
        emulator.advance(Duration.ofSeconds(1));

        assertThat(beforeAging).isEqualTo(StreamStatus.DISABLED);
        assertAwsError(() -> describe(oldArn), ResourceNotFoundException.class, "ResourceNotFoundException",
                "Requested resource not found: Stream: " + oldArn + " not found");
        assertThat(emulator.streams().listStreams(b -> b.tableName(table.name())).streams()).extracting(Stream::streamArn)
                .containsExactly(newArn);
    }

    @Test
    void aDeletedTablesStreamStaysReadableUntilItAgesOut() {
        TestTable table = TestTable.create(emulator.clients(), "lifecycle-deleted", StreamViewType.NEW_IMAGE);
        String arn = table.streamArn();
        table.put(item("pk", "k", "v", 1));

        emulator.clients().tables().deleteTable(b -> b.tableName(table.name()));
        StreamDescription afterDelete = describe(arn);
        List<Record> records = emulator.reader().readAll(arn);
        emulator.advance(RETENTION.plusSeconds(1));

        assertThat(afterDelete.streamStatus()).isEqualTo(StreamStatus.DISABLED);
        assertThat(records).extracting(r -> r.dynamodb().newImage()).containsExactly(item("pk", "k", "v", 1));
        assertThat(emulator.streams().listStreams(b -> b.tableName(table.name())).streams()).isEmpty();
    }

    @Test
    void aRecreatedTableGetsANewStream() {
        TestTable first = TestTable.create(emulator.clients(), "lifecycle-recreated", StreamViewType.KEYS_ONLY);
        String firstArn = first.streamArn();
        first.put(item("pk", "first"));
        emulator.clients().tables().deleteTable(b -> b.tableName(first.name()));

        TestTable second = TestTable.create(emulator.clients(), "lifecycle-recreated", StreamViewType.KEYS_ONLY);
        second.put(item("pk", "second"));

        assertThat(second.streamArn()).isNotEqualTo(firstArn);
        assertThat(keys(emulator.reader().readAll(firstArn))).containsExactly("first");
        assertThat(keys(emulator.reader().readAll(second.streamArn()))).containsExactly("second");
        assertThat(emulator.reader().shards(firstArn)).extracting(Shard::shardId)
                .doesNotContainAnyElementsOf(emulator.reader().shards(second.streamArn()).stream().map(Shard::shardId).toList());
    }

    private static StreamDescription describe(String arn) {
        return emulator.streams().describeStream(b -> b.streamArn(arn)).streamDescription();
    }

    private static List<String> keys(List<Record> records) {
        return records.stream().map(r -> r.dynamodb().keys().get("pk").s()).toList();
    }
}
