package dev.shardbridge.emulator.streams;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertAwsError;
import static dev.shardbridge.emulator.conformance.AwsErrors.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardFilterType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** DescribeStream: the stream's settings and its shards, at most 100 a page, filtered to children. */
class DescribeStreamTest {
    @RegisterExtension
    static final StreamsEmulator emulator = StreamsEmulator.frozen();

    @Test
    void describesTheStreamAsDescribeTableNamesIt() {
        TestTable table = TestTable.createWithSortKey(emulator.clients(), "describe-settings",
                StreamViewType.NEW_IMAGE);
        TableDescription tableDescription = table.describe();

        StreamDescription stream = emulator.streams().describeStream(b -> b.streamArn(tableDescription.latestStreamArn()))
                .streamDescription();

        assertThat(tableDescription.latestStreamLabel()).isEqualTo("2031-03-14T15:09:26.535");
        assertThat(tableDescription.latestStreamArn()).isEqualTo(
                "arn:aws:dynamodb:us-east-1:000000000000:table/describe-settings/stream/2031-03-14T15:09:26.535");
        assertThat(stream.streamArn()).isEqualTo(tableDescription.latestStreamArn());
        assertThat(stream.streamLabel()).isEqualTo(tableDescription.latestStreamLabel());
        assertThat(stream.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(stream.streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
        assertThat(stream.tableName()).isEqualTo("describe-settings");
        assertThat(stream.creationRequestDateTime()).isEqualTo(StreamsEmulator.START);
        assertThat(stream.keySchema()).containsExactly(
                KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
        assertThat(stream.lastEvaluatedShardId()).isNull();
    }

    @Test
    void anOpenShardHasAStartingButNoEndingSequenceNumber() {
        TestTable table = TestTable.create(emulator.clients(), "describe-open", StreamViewType.KEYS_ONLY);

        List<Shard> shards = emulator.streams().describeStream(b -> b.streamArn(table.streamArn())).streamDescription().shards();

        assertThat(shards).hasSize(4).allSatisfy(shard -> {
            assertThat(shard.shardId()).matches("shardId-\\d{20}-[0-9a-f]{8}");
            assertThat(shard.parentShardId()).isNull();
            assertThat(shard.sequenceNumberRange().startingSequenceNumber()).matches("\\d{21,}");
            assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNull();
        });
        assertThat(shards).extracting(Shard::shardId).doesNotHaveDuplicates();
    }

    @Test
    void pagesHoldAtMostAHundredShards() {
        emulator.partitions("describe-many", 150);
        TestTable table = TestTable.create(emulator.clients(), "describe-many", StreamViewType.KEYS_ONLY);
        String arn = table.streamArn();

        StreamDescription first = emulator.streams().describeStream(b -> b.streamArn(arn)).streamDescription();
        StreamDescription second = emulator.streams().describeStream(b -> b.streamArn(arn)
                .exclusiveStartShardId(first.lastEvaluatedShardId())).streamDescription();

        assertThat(first.shards()).hasSize(100);
        assertThat(first.lastEvaluatedShardId()).isEqualTo(first.shards().get(99).shardId());
        assertThat(second.shards()).hasSize(50);
        assertThat(second.lastEvaluatedShardId()).isNull();
        assertThat(second.shards()).extracting(Shard::shardId)
                .doesNotContainAnyElementsOf(first.shards().stream().map(Shard::shardId).toList());
    }

    @Test
    void limitChoosesASmallerPage() {
        TestTable table = TestTable.create(emulator.clients(), "describe-limit", StreamViewType.KEYS_ONLY);
        String arn = table.streamArn();
        List<Shard> all = emulator.reader().shards(arn);

        StreamDescription page = emulator.streams().describeStream(b -> b.streamArn(arn).limit(3)).streamDescription();
        StreamDescription rest = emulator.streams().describeStream(b -> b.streamArn(arn).limit(3)
                .exclusiveStartShardId(page.lastEvaluatedShardId())).streamDescription();

        assertThat(page.shards()).isEqualTo(all.subList(0, 3));
        assertThat(page.lastEvaluatedShardId()).isEqualTo(all.get(2).shardId());
        assertThat(rest.shards()).isEqualTo(all.subList(3, 4));
        assertThat(rest.lastEvaluatedShardId()).isNull();
    }

    @Test
    void childShardsFilterListsTheChildrenOfOneShard() {
        TestTable table = TestTable.create(emulator.clients(), "describe-children", StreamViewType.KEYS_ONLY);
        String arn = table.streamArn();
        List<Shard> before = emulator.reader().shards(arn);
        emulator.streamsOf(table.name()).split(1);

        List<Shard> children = emulator.streams().describeStream(b -> b.streamArn(arn).shardFilter(f -> f
                .type(ShardFilterType.CHILD_SHARDS).shardId(before.get(1).shardId()))).streamDescription().shards();
        List<Shard> noChildren = emulator.streams().describeStream(b -> b.streamArn(arn).shardFilter(f -> f
                .type(ShardFilterType.CHILD_SHARDS).shardId(before.get(0).shardId()))).streamDescription().shards();

        assertThat(children).hasSize(2).allSatisfy(child ->
                assertThat(child.parentShardId()).isEqualTo(before.get(1).shardId()));
        assertThat(noChildren).isEmpty();
    }

    @Test
    void anUnknownStreamIsNotFound() {
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/nothing/stream/2031-03-14T15:09:26.535";

        assertAwsError(() -> emulator.streams().describeStream(b -> b.streamArn(arn)), ResourceNotFoundException.class,
                "ResourceNotFoundException", "Requested resource not found: Stream: " + arn + " not found");
    }

    @Test
    void limitMustBeOneToAHundred() {
        String arn = TestTable.create(emulator.clients(), "describe-limits", StreamViewType.KEYS_ONLY).streamArn();

        assertValidationError(() -> emulator.streams().describeStream(b -> b.streamArn(arn).limit(0)),
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertValidationError(() -> emulator.streams().describeStream(b -> b.streamArn(arn).limit(101)),
                "One or more parameter values were invalid: Limit cannot be greater than the maximum: 100");
    }
}
