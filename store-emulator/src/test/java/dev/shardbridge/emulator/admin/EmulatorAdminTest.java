package dev.shardbridge.emulator.admin;

import dev.shardbridge.emulator.testing.SdkClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shardbridge.emulator.EmulatorSettings;
import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.emulator.fault.TestTables;
import dev.shardbridge.emulator.stream.ShardStats;
import dev.shardbridge.emulator.stream.StreamSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The Java admin API, in-process: reshaping streams, moving the clock, per-shard counters, refusals. */
class EmulatorAdminTest {
    /** A reader window of a minute, so that reads seconds apart still count as concurrent. */
    private static final StreamSettings STREAMS = new StreamSettings(2, Duration.ofHours(4), Duration.ofHours(24), 2,
            Duration.ofMinutes(1), Duration.ofMinutes(15), 0, 0);

    private static StoreEmulator emulator;
    private static EmulatorAdmin admin;
    private static DynamoDbClient client;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void start() {
        emulator = StoreEmulator.start(EmulatorSettings.defaults().withStreams(STREAMS));
        admin = emulator.admin();
        client = SdkClients.tables(emulator.endpoint());
        streams = SdkClients.streams(emulator.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        streams.close();
        emulator.close();
    }

    @Test
    void splittingAPartitionClosesItsShardAndOpensTwoChildren() {
        TestTables.createWithStream(client, "split");
        String parent = admin.shards("split").shards().get(1).shardId();

        assertThat(admin.splitPartition("split", 1)).isEqualTo(3);

        TableShards after = admin.shards("split");
        assertThat(after.partitions()).isEqualTo(3);
        assertThat(after.openShards()).isEqualTo(3);
        assertThat(after.shards()).hasSize(4);
        assertThat(after.shards()).filteredOn(shard -> shard.shardId().equals(parent))
                .singleElement().extracting(ShardStats::open).isEqualTo(false);
        assertThat(after.shards()).filteredOn(shard -> parent.equals(shard.parentShardId())).hasSize(2)
                .allMatch(ShardStats::open);
    }

    @Test
    void rollingContinuesEveryOpenShardInAChild() {
        TestTables.createWithStream(client, "roll");
        List<String> before = admin.shards("roll").shards().stream().map(ShardStats::shardId).toList();

        TableShards after = admin.rollShards("roll");

        assertThat(after.shards()).hasSize(4);
        assertThat(after.shards()).filteredOn(ShardStats::open).extracting(ShardStats::parentShardId)
                .containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void advancingTheClockRollsShardsWhoseTimeIsUp() {
        try (StoreEmulator own = StoreEmulator.start(EmulatorSettings.defaults().withStreams(STREAMS));
             DynamoDbClient ownClient = SdkClients.tables(own.endpoint())) {
            TestTables.createWithStream(ownClient, "aging");
            ClockReading before = own.admin().clock();

            ClockReading after = own.admin().advanceClock(Duration.ofHours(4).plusSeconds(1));

            assertThat(after.offset()).isEqualTo(Duration.ofHours(4).plusSeconds(1));
            assertThat(Duration.between(before.now(), after.now())).isGreaterThanOrEqualTo(after.offset());
            TableShards shards = own.admin().shards("aging");
            assertThat(shards.shards()).hasSize(4);
            assertThat(shards.openShards()).isEqualTo(2);
        }
    }

    @Test
    void partitionsSetForATableApplyWhenItIsCreated() {
        admin.setPartitions("later", 6);
        TestTables.createWithStream(client, "later");

        assertThat(admin.partitions("later")).isEqualTo(6);
        assertThat(admin.shards("later").openShards()).isEqualTo(6);
    }

    @Test
    void shardStatsCountRecordsReadersCallsAndThrottles() {
        TestTables.createWithStream(client, "counted");
        TestTables.write(client, "counted", 40);
        TableShards shards = admin.shards("counted");
        ShardStats first = shards.shards().get(0);

        readOnce(shards.streamArn(), first.shardId());
        readOnce(shards.streamArn(), first.shardId());
        assertThatThrownBy(() -> readOnce(shards.streamArn(), first.shardId()))
                .isInstanceOf(LimitExceededException.class);

        ShardStats read = admin.shards("counted").shards().get(0);
        assertThat(shards.shards().stream().mapToLong(ShardStats::recordsWritten).sum()).isEqualTo(40);
        assertThat(read.recordsWritten()).isEqualTo(first.recordsWritten()).isPositive();
        assertThat(read.recordsRetained()).isEqualTo((int) first.recordsWritten());
        assertThat(read.getRecordsCalls()).isEqualTo(3);
        assertThat(read.activeReaders()).isEqualTo(2);
        assertThat(read.throttles()).isEqualTo(1);
    }

    @Test
    void refusalsNameTheProblem() {
        TestTables.create(client, "plain");

        assertRefused(() -> admin.shards("nope"), AdminFailure.NOT_FOUND, "table nope does not exist");
        assertRefused(() -> admin.splitPartition("plain", 2), AdminFailure.BAD_REQUEST,
                "table plain has partitions 0..1; there is no partition 2");
        assertRefused(() -> admin.rollShards("plain"), AdminFailure.CONFLICT,
                "table plain has no enabled stream to roll; enable one with UpdateTable StreamSpecification");
        assertRefused(() -> admin.advanceClock(Duration.ofSeconds(-1)), AdminFailure.BAD_REQUEST,
                "the clock only moves forward; cannot advance by PT-1S");
        assertRefused(() -> admin.setPartitions("plain", 0), AdminFailure.BAD_REQUEST,
                "partitions must be 1..1024, was 0");
        assertRefused(() -> admin.removeFault(999), AdminFailure.NOT_FOUND, "no fault rule with id 999");
    }

    private static void readOnce(String arn, String shardId) {
        String iterator = streams.getShardIterator(builder -> builder.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        streams.getRecords(builder -> builder.shardIterator(iterator));
    }

    private static void assertRefused(Runnable call, AdminFailure failure, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AdminException.class, e -> {
            assertThat(e.failure()).isEqualTo(failure);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
