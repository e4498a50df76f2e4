package dev.shardbridge.emulator.fault;

import dev.shardbridge.emulator.testing.SdkClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.emulator.admin.EmulatorAdmin;
import dev.shardbridge.emulator.stream.ShardStats;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Injected faults as an AWS SDK v2 client meets them: its retries, its exception types, its timing. */
class FaultInjectionSdkTest {
    private static StoreEmulator emulator;
    private static EmulatorAdmin admin;
    private static DynamoDbClient retrying;
    private static DynamoDbClient direct;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void start() {
        emulator = StoreEmulator.start();
        admin = emulator.admin();
        retrying = SdkClients.retryingTables(emulator.endpoint());
        direct = SdkClients.tables(emulator.endpoint());
        streams = SdkClients.streams(emulator.endpoint());
    }

    @AfterEach
    void removeFaults() {
        admin.clearFaults();
    }

    @AfterAll
    static void stop() {
        retrying.close();
        direct.close();
        streams.close();
        emulator.close();
    }

    @Test
    void sdkRetriesWriteEverythingThroughThrottlingAndServerErrors() {
        TestTables.createWithStream(direct, "retried");
        FaultRuleStatus throttle = admin.addFault(FaultRule.of(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED)
                .onOperation("BatchWriteItem").onTable("retried").withRate(0.2));
        FaultRuleStatus serverError = admin.addFault(FaultRule.of(FaultKind.INTERNAL_SERVER_ERROR)
                .onOperation("BatchWriteItem").withRate(0.05));

        TestTables.write(retrying, "retried", 1000);

        assertThat(TestTables.itemCount(direct, "retried")).isEqualTo(1000);
        // A refused request wrote nothing, so every item produced exactly one stream record.
        assertThat(admin.shards("retried").shards().stream().mapToLong(ShardStats::recordsWritten).sum())
                .isEqualTo(1000);
        assertThat(hits(throttle)).isBetween(4L, 25L);
        assertThat(hits(serverError)).isBetween(1L, 8L);
    }

    @Test
    void unprocessedItemsComeBackAndAreRetriedToCompletion() {
        TestTables.create(direct, "unprocessed");
        FaultRuleStatus rule = admin.addFault(FaultRule.of(FaultKind.UNPROCESSED_ITEMS).onTable("unprocessed")
                .withRate(0.3));

        long returned = 0;
        int rounds = 0;
        for (int from = 0; from < 100; from += 25) {
            Map<String, List<WriteRequest>> pending = Map.of("unprocessed", TestTables.puts(from, 25));
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = direct.batchWriteItem(builder -> builder.requestItems(request)).unprocessedItems();
                returned += pending.values().stream().mapToLong(List::size).sum();
                rounds++;
            }
        }

        assertThat(TestTables.itemCount(direct, "unprocessed")).isEqualTo(100);
        assertThat(returned).isEqualTo(hits(rule)).isBetween(30L, 80L);
        assertThat(rounds).isGreaterThan(4);
    }

    @Test
    void aBatchWithEveryWriteHeldBackWritesNothingUntilResent() {
        TestTables.create(direct, "held");
        admin.addFault(FaultRule.of(FaultKind.UNPROCESSED_ITEMS).onTable("held").withMaxCount(25));
        List<WriteRequest> batch = TestTables.puts(0, 25);

        Map<String, List<WriteRequest>> unprocessed =
                direct.batchWriteItem(builder -> builder.requestItems(Map.of("held", batch))).unprocessedItems();
        assertThat(unprocessed.get("held")).containsExactlyElementsOf(batch);
        assertThat(TestTables.itemCount(direct, "held")).isZero();

        Map<String, List<WriteRequest>> second =
                direct.batchWriteItem(builder -> builder.requestItems(unprocessed)).unprocessedItems();
        assertThat(second).isEmpty();
        assertThat(TestTables.itemCount(direct, "held")).isEqualTo(25);
    }

    @Test
    void latencyIsAddedToTheNamedTableAndOperationOnly() {
        TestTables.create(direct, "slow");
        TestTables.create(direct, "fast");
        FaultRuleStatus rule = admin.addFault(FaultRule.latencyOf(Duration.ofMillis(250))
                .onOperation("DescribeTable").onTable("slow"));

        long start = System.nanoTime();
        direct.describeTable(builder -> builder.tableName("slow"));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        direct.describeTable(builder -> builder.tableName("fast"));
        direct.listTables();

        assertThat(elapsedMillis).isGreaterThanOrEqualTo(250);
        assertThat(hits(rule)).isEqualTo(1);
    }

    @Test
    void rulesScopedByTableAndOperationHitOnlyWhatTheyName() {
        TestTables.create(direct, "hot");
        TestTables.create(direct, "cold");
        FaultRuleStatus rule = admin.addFault(FaultRule.of(FaultKind.THROTTLING)
                .onOperation("BatchWriteItem").onTable("hot"));

        assertThatThrownBy(() -> TestTables.write(direct, "hot", 1))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Rate of requests exceeds the allowed throughput.");
                });
        TestTables.write(direct, "cold", 5);
        direct.describeTable(builder -> builder.tableName("hot"));

        assertThat(TestTables.itemCount(direct, "hot")).isZero();
        assertThat(TestTables.itemCount(direct, "cold")).isEqualTo(5);
        assertThat(hits(rule)).isEqualTo(1);
    }

    @Test
    void throughputAndServerErrorsArriveAsTheSdksOwnExceptions() {
        TestTables.create(direct, "errors");
        admin.addFault(FaultRule.of(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED).onOperation("DescribeTable")
                .withMaxCount(1));
        admin.addFault(FaultRule.of(FaultKind.INTERNAL_SERVER_ERROR).onOperation("DescribeTable").withMaxCount(1));

        assertThatThrownBy(() -> direct.describeTable(builder -> builder.tableName("errors")))
                .isInstanceOf(ProvisionedThroughputExceededException.class)
                .hasMessageStartingWith("The level of configured provisioned throughput for the table was exceeded.");
        assertThatThrownBy(() -> direct.describeTable(builder -> builder.tableName("errors")))
                .isInstanceOfSatisfying(InternalServerErrorException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(direct.describeTable(builder -> builder.tableName("errors")).table().tableName())
                .isEqualTo("errors");
    }

    @Test
    void getRecordsCanBeThrottledForOneShard() {
        admin.setPartitions("sharded", 2);
        TestTables.createWithStream(direct, "sharded");
        TestTables.write(direct, "sharded", 50);
        String arn = admin.shards("sharded").streamArn();
        List<Shard> shards = streams.describeStream(builder -> builder.streamArn(arn)).streamDescription().shards();
        assertThat(shards).hasSize(2);
        String throttled = shards.get(0).shardId();
        String free = shards.get(1).shardId();
        FaultRuleStatus rule = admin.addFault(FaultRule.of(FaultKind.LIMIT_EXCEEDED).onOperation("GetRecords")
                .onShard(throttled));

        String throttledIterator = iterator(arn, throttled);
        assertThatThrownBy(() -> streams.getRecords(builder -> builder.shardIterator(throttledIterator)))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("Rate exceeded for shard " + throttled);
        int freeRecords = streams.getRecords(builder -> builder.shardIterator(iterator(arn, free))).records().size();

        long retained = admin.shards("sharded").shards().stream().filter(s -> s.shardId().equals(free))
                .mapToLong(ShardStats::recordsRetained).sum();
        assertThat(freeRecords).isEqualTo(retained).isPositive();
        assertThat(hits(rule)).isEqualTo(1);
    }

    private static String iterator(String arn, String shardId) {
        return streams.getShardIterator(builder -> builder.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    }

    private static long hits(FaultRuleStatus installed) {
        return admin.fault(installed.id()).orElseThrow().hits();
    }
}
