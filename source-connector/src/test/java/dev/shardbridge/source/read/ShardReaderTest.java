package dev.shardbridge.source.read;

import dev.shardbridge.source.EmulatorWithClients;
import dev.shardbridge.source.assign.DiscoveredShard;
import dev.shardbridge.source.discovery.ShardDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading one shard of the emulator's stream through the AWS SDK. */
class ShardReaderTest {

    @RegisterExtension
    static final EmulatorWithClients emulator = new EmulatorWithClients();

    /** A one-partition table, so every write lands in the same shard. */
    private static String singleShardTable(String table, int items) {
        emulator.admin().setPartitions(table, 1);
        emulator.dynamoDb().createTable(request -> request.tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()));
        put(table, 0, items);
        return new ShardDiscovery(emulator.dynamoDb(), emulator.streams()).streamArn(table).orElseThrow();
    }

    private static void put(String table, int from, int to) {
        for (int i = from; i < to; i++) {
            String id = "item-" + i;
            emulator.dynamoDb().putItem(request -> request.tableName(table).item(Map.of("id", AttributeValue.fromS(id))));
        }
    }

    private static String onlyShard(String table) {
        List<DiscoveredShard> shards = new ShardDiscovery(emulator.dynamoDb(), emulator.streams()).discover(table);
        assertThat(shards).hasSize(1);
        return shards.get(0).shardId();
    }

    private static List<String> ids(List<Record> records) {
        return records.stream().map(r -> r.dynamodb().keys().get("id").s()).toList();
    }

    private static List<Record> readAvailable(ShardReader reader) {
        List<Record> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ShardReader.Page page = reader.poll();
            all.addAll(page.records());
            if (page.records().isEmpty()) {
                break;
            }
        }
        return all;
    }

    @Test
    void readsFromTrimHorizonInPagesOfTheLimit() {
        String arn = singleShardTable("paging", 7);
        ShardReader reader = new ShardReader(emulator.streams(), arn, onlyShard("paging"), new ShardStart.TrimHorizon(), 3);
        assertThat(reader.poll().records()).hasSize(3);
        assertThat(ids(readAvailable(reader))).containsExactly("item-3", "item-4", "item-5", "item-6");
    }

    @Test
    void resumesAfterTheLastSequenceNumber() {
        String arn = singleShardTable("resume", 5);
        String shard = onlyShard("resume");
        ShardReader first = new ShardReader(emulator.streams(), arn, shard, new ShardStart.TrimHorizon(), 2);
        first.poll();
        String position = first.lastSequenceNumber().orElseThrow();
        ShardReader restarted = new ShardReader(emulator.streams(), arn, shard, new ShardStart.After(position), 1000);
        assertThat(ids(readAvailable(restarted))).containsExactly("item-2", "item-3", "item-4");
    }

    @Test
    void latestSkipsWhatWasWrittenBefore() {
        String arn = singleShardTable("latest", 3);
        ShardReader reader = new ShardReader(emulator.streams(), arn, onlyShard("latest"), new ShardStart.Latest(), 1000);
        assertThat(reader.poll().records()).isEmpty();
        put("latest", 3, 5);
        assertThat(ids(readAvailable(reader))).containsExactly("item-3", "item-4");
    }

    @Test
    void replacesAnExpiredIteratorWithoutLosingOrRepeatingRecords() {
        String arn = singleShardTable("expiry", 4);
        ShardReader reader = new ShardReader(emulator.streams(), arn, onlyShard("expiry"), new ShardStart.TrimHorizon(), 2);
        assertThat(ids(reader.poll().records())).containsExactly("item-0", "item-1");
        emulator.admin().advanceClock(Duration.ofMinutes(16));
        assertThat(ids(readAvailable(reader))).containsExactly("item-2", "item-3");
    }

    @Test
    void reportsDrainedOnceAClosedShardIsReadToItsEnd() {
        String arn = singleShardTable("rolled", 2);
        String shard = onlyShard("rolled");
        emulator.admin().rollShards("rolled");
        ShardReader reader = new ShardReader(emulator.streams(), arn, shard, new ShardStart.TrimHorizon(), 1000);
        List<Record> records = new ArrayList<>();
        ShardReader.Page page;
        int calls = 0;
        do {
            page = reader.poll();
            records.addAll(page.records());
        } while (!page.drained() && ++calls < 10);
        assertThat(page.drained()).isTrue();
        assertThat(ids(records)).containsExactly("item-0", "item-1");
        assertThat(reader.poll()).isEqualTo(new ShardReader.Page(List.of(), true));
    }

    @Test
    void latestOnAShardClosedBeforeTheFirstReadMarksItSkipped() {
        String arn = singleShardTable("closed-latest", 2);
        String shard = onlyShard("closed-latest");
        emulator.admin().rollShards("closed-latest");
        ShardReader reader = new ShardReader(emulator.streams(), arn, shard, new ShardStart.Latest(), 1000);
        ShardReader.Page page = reader.poll();
        assertThat(page).isEqualTo(new ShardReader.Page(List.of(), true));
        assertThat(reader.skippedClosedShard()).isTrue();
    }

    @Test
    void latestOnAShardFollowedWhileOpenIsNotSkippedEvenWithoutRecords() {
        String arn = singleShardTable("followed-latest", 2);
        String shard = onlyShard("followed-latest");
        ShardReader reader = new ShardReader(emulator.streams(), arn, shard, new ShardStart.Latest(), 1000);
        assertThat(reader.poll().drained()).isFalse();
        emulator.admin().rollShards("followed-latest");
        ShardReader.Page page = reader.poll();
        assertThat(page.drained()).isTrue();
        assertThat(page.records()).isEmpty();
        assertThat(reader.skippedClosedShard()).isFalse();
    }
}
