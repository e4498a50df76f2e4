package dev.shardbridge.emulator.streams;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertValidationError;
import static dev.shardbridge.emulator.streams.TestTable.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** GetRecords pages: Limit, the 1 MB cap, and the next iterator of open and closed shards. */
class GetRecordsTest {
    private static final int ONE_MEGABYTE = 1024 * 1024;

    @RegisterExtension
    static final StreamsEmulator emulator = StreamsEmulator.frozen();

    @Test
    void limitCapsTheRecordsOfEachCall() {
        TestTable table = singleShardTable("records-limit", StreamViewType.KEYS_ONLY);
        for (int i = 0; i < 5; i++) {
            table.put(item("pk", "k" + i));
        }

        List<Integer> pageSizes = new ArrayList<>();
        String iterator = trimHorizon(table);
        for (int call = 0; call < 4; call++) {
            String current = iterator;
            GetRecordsResponse page = emulator.streams().getRecords(b -> b.shardIterator(current).limit(2));
            pageSizes.add(page.records().size());
            iterator = page.nextShardIterator();
        }

        assertThat(pageSizes).containsExactly(2, 2, 1, 0);
        assertThat(iterator).as("an open shard always has a next iterator").isNotNull();
    }

    @Test
    void limitMustBeOneToAThousand() {
        TestTable table = singleShardTable("records-limit-range", StreamViewType.KEYS_ONLY);
        String iterator = trimHorizon(table);

        assertValidationError(() -> emulator.streams().getRecords(b -> b.shardIterator(iterator).limit(0)),
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertValidationError(() -> emulator.streams().getRecords(b -> b.shardIterator(iterator).limit(1001)),
                "One or more parameter values were invalid: Limit should be less than or equal to 1000");
        assertThat(emulator.streams().getRecords(b -> b.shardIterator(iterator).limit(1000)).records()).isEmpty();
    }

    @Test
    void aCallReturnsAtMostOneMegabyte() {
        TestTable table = singleShardTable("records-megabyte", StreamViewType.NEW_IMAGE);
        String payload = "x".repeat(100_000);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            items.add(item("pk", String.format("big-%02d", i), "data", payload));
        }
        table.putAll(items);

        String iterator = trimHorizon(table);
        GetRecordsResponse first = emulator.streams().getRecords(b -> b.shardIterator(iterator));
        GetRecordsResponse second = emulator.streams().getRecords(b -> b.shardIterator(first.nextShardIterator()));

        // Each record: key "pk"+"big-00" (8 bytes) and image of key, "data" and the payload: 100,020 bytes.
        assertThat(first.records()).hasSize(10)
                .allSatisfy(r -> assertThat(r.dynamodb().sizeBytes()).isEqualTo(100_020));
        assertThat(first.records().stream().mapToLong(r -> r.dynamodb().sizeBytes()).sum())
                .isLessThanOrEqualTo(ONE_MEGABYTE);
        assertThat(second.records()).extracting(r -> r.dynamodb().keys().get("pk").s())
                .containsExactly("big-10", "big-11");
    }

    @Test
    void anOpenShardKeepsTheNextIteratorWhenCaughtUp() {
        TestTable table = singleShardTable("records-open", StreamViewType.KEYS_ONLY);
        table.put(item("pk", "first"));

        GetRecordsResponse first = emulator.streams().getRecords(b -> b.shardIterator(trimHorizon(table)));
        GetRecordsResponse caughtUp = emulator.streams().getRecords(b -> b.shardIterator(first.nextShardIterator()));
        table.put(item("pk", "second"));
        GetRecordsResponse next = emulator.streams().getRecords(b -> b.shardIterator(caughtUp.nextShardIterator()));

        assertThat(caughtUp.records()).isEmpty();
        assertThat(caughtUp.nextShardIterator()).isNotNull();
        assertThat(next.records()).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("second");
        assertThat(next.nextShardIterator()).isNotNull();
    }

    @Test
    void aClosedShardHasNoNextIteratorOnceDrained() {
        TestTable table = singleShardTable("records-closed", StreamViewType.KEYS_ONLY);
        for (int i = 0; i < 3; i++) {
            table.put(item("pk", "k" + i));
        }
        String iterator = trimHorizon(table);
        emulator.streamsOf(table.name()).rollAll();

        GetRecordsResponse partial = emulator.streams().getRecords(b -> b.shardIterator(iterator).limit(2));
        GetRecordsResponse rest = emulator.streams().getRecords(b -> b.shardIterator(partial.nextShardIterator()));

        assertThat(partial.records()).hasSize(2);
        assertThat(partial.nextShardIterator()).isNotNull();
        assertThat(rest.records()).hasSize(1);
        assertThat(rest.nextShardIterator()).isNull();
    }

    @Test
    void latestOfAClosedShardIsDrainedAtOnce() {
        TestTable table = singleShardTable("records-closed-latest", StreamViewType.KEYS_ONLY);
        table.put(item("pk", "k"));
        String closedShard = emulator.reader().shards(table.streamArn()).get(0).shardId();
        emulator.streamsOf(table.name()).rollAll();

        String latest = emulator.reader().iterator(table.streamArn(), closedShard, ShardIteratorType.LATEST, null);
        GetRecordsResponse page = emulator.streams().getRecords(b -> b.shardIterator(latest));

        assertThat(page.records()).isEmpty();
        assertThat(page.nextShardIterator()).isNull();
    }

    @Test
    void anIteratorTheServerDidNotIssueIsInvalid() {
        assertValidationError(() -> emulator.streams().getRecords(b -> b.shardIterator("not-an-iterator")),
                "Invalid ShardIterator");
    }

    @Test
    void recordsOfAShardComeInWriteOrderWithRisingSequenceNumbers() {
        TestTable table = singleShardTable("records-order", StreamViewType.NEW_IMAGE);
        for (int version = 1; version <= 20; version++) {
            table.put(item("pk", "k", "version", version));
        }

        List<Record> records = emulator.reader().readAll(table.streamArn());

        assertThat(records).extracting(r -> Integer.parseInt(r.dynamodb().newImage().get("version").n()))
                .isEqualTo(IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(records).extracting(r -> new BigInteger(r.dynamodb().sequenceNumber())).isSorted()
                .doesNotHaveDuplicates();
    }

    private static TestTable singleShardTable(String name, StreamViewType view) {
        emulator.partitions(name, 1);
        return TestTable.create(emulator.clients(), name, view);
    }

    private static String trimHorizon(TestTable table) {
        String arn = table.streamArn();
        return emulator.reader().iterator(arn, emulator.reader().shards(arn).get(0).shardId(), ShardIteratorType.TRIM_HORIZON, null);
    }
}
