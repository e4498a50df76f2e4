package dev.shardbridge.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shardbridge.emulator.fault.FaultKind;
import dev.shardbridge.emulator.fault.FaultRule;
import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.event.connect.EnvelopeEncoder;
import dev.shardbridge.event.connect.EnvelopeRecord;
import dev.shardbridge.sink.testing.ChangeHistory;
import dev.shardbridge.sink.testing.FakeSinkTaskContext;
import dev.shardbridge.sink.testing.TargetStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The task against a real emulator through the SDK, with a fake Connect context around it. */
class DynamoDbSinkTaskTest {

    private static final String TOPIC = "cdc.orders";
    private static final AtomicInteger TABLES = new AtomicInteger();

    private static TargetStore store;

    private final List<DynamoDbSinkTask> tasks = new ArrayList<>();
    private String table;
    private long offset;

    @BeforeAll
    static void startStore() {
        store = TargetStore.start();
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @BeforeEach
    void newTable() {
        table = "orders" + TABLES.incrementAndGet();
    }

    @AfterEach
    void stopTasks() {
        tasks.forEach(DynamoDbSinkTask::stop);
        store.emulator().admin().clearFaults();
    }

    @Test
    void redeliveredShuffledChangesConvergeToTheNewestStatePerItem() {
        store.createTable(table);
        ChangeHistory history = ChangeHistory.random(table, 30, 400, 7, 100);
        DynamoDbSinkTask task = task(Map.of());
        List<SinkRecord> records = records(history.changes());
        List<SinkRecord> redelivered = new ArrayList<>(records);
        redelivered.addAll(records.subList(100, 300));
        Collections.shuffle(redelivered, new Random(3));

        for (int from = 0; from < redelivered.size(); from += 90) {
            task.put(redelivered.subList(from, Math.min(from + 90, redelivered.size())));
        }

        assertThat(store.visibleItems(table)).isEqualTo(history.expectedState());
    }

    @Test
    void aLatePutAfterItsDeleteLeavesTheItemDeleted() {
        store.createTable(table);
        DynamoDbSinkTask task = task(Map.of());
        ChangeEvent put = ChangeHistory.event(Operation.CREATE, table, "a", "100000000000000000001",
                ChangeHistory.image("a", 1, new Random(1), 10));
        ChangeEvent delete = ChangeHistory.event(Operation.DELETE, table, "a", "100000000000000000002", null);

        task.put(records(List.of(delete)));
        task.put(records(List.of(put)));

        assertThat(store.visibleItems(table)).isEmpty();
        assertThat(store.rawItems(table).get("a")).containsEntry(TargetStore.TOMBSTONE_ATTRIBUTE,
                AttributeValue.fromBool(true));
    }

    @Test
    void kafkaTombstonesAreSkipped() {
        store.createTable(table);
        DynamoDbSinkTask task = task(Map.of());

        task.put(List.of(new SinkRecord(TOPIC, 0, null, Map.of(), null, null, offset++)));

        assertThat(store.rawItems(table)).isEmpty();
    }

    @Test
    void badRecordsGoToTheReporterWithTheirReasonAndTheRestIsApplied() {
        store.createTable(table);
        FakeSinkTaskContext context = new FakeSinkTaskContext(true);
        DynamoDbSinkTask task = task(Map.of("errors.tolerance", "all"), context);
        ChangeEvent good = ChangeHistory.event(Operation.CREATE, table, "good", "100000000000000000001",
                ChangeHistory.image("good", 1, new Random(1), 10));
        ChangeEvent noImage = ChangeHistory.event(Operation.UPDATE, table, "no-image", "100000000000000000002", null);
        ChangeEvent huge = ChangeHistory.event(Operation.CREATE, table, "huge", "100000000000000000003",
                ChangeHistory.image("huge", 1, new Random(1), 410 * 1024));
        List<SinkRecord> records = new ArrayList<>(records(List.of(good, noImage, huge)));
        records.add(new SinkRecord(TOPIC, 0, null, "k", Schema.STRING_SCHEMA, "not an envelope", offset++));

        task.put(records);

        assertThat(store.visibleItems(table)).containsOnlyKeys("good");
        assertThat(context.reported()).extracting(reported -> reported.error().getMessage())
                .satisfiesExactly(
                        reason -> assertThat(reason).contains("has no new image"),
                        reason -> assertThat(reason).contains("exceeds DynamoDB's limit of 409600 bytes"),
                        reason -> assertThat(reason).startsWith("Not a change-event envelope"));
    }

    @Test
    void aKeyOfTheWrongTypeForTheTargetIsABadRecord() {
        store.createTable(table, "pk", ScalarAttributeType.N);
        FakeSinkTaskContext context = new FakeSinkTaskContext(true);
        DynamoDbSinkTask task = task(Map.of("errors.tolerance", "all"), context);

        task.put(records(List.of(ChangeHistory.event(Operation.CREATE, table, "text-key", "100000000000000000001",
                ChangeHistory.image("text-key", 1, new Random(1), 10)))));

        assertThat(context.reported()).singleElement().extracting(reported -> reported.error().getMessage())
                .asString().isEqualTo("Key attribute 'pk' is of type S but the target table declares N");
    }

    @Test
    void withoutToleranceABadRecordFailsThePutNamingTopicPartitionOffsetAndCause() {
        store.createTable(table);
        DynamoDbSinkTask task = task(Map.of(), new FakeSinkTaskContext(true));
        offset = 41;

        assertThatThrownBy(() -> task.put(records(List.of(
                ChangeHistory.event(Operation.UPDATE, table, "a", "100000000000000000002", null)))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("topic " + TOPIC + ", partition 0, offset 41")
                .hasMessageContaining("has no new image");
    }

    @Test
    void aMissingTableFailsTheTaskUnlessAutoCreationIsOn() {
        DynamoDbSinkTask strict = task(Map.of());
        List<SinkRecord> records = records(ChangeHistory.random(table, 5, 20, 1, 10).changes());

        assertThatThrownBy(() -> strict.put(records)).isInstanceOf(ConnectException.class)
                .hasMessageContaining("Target table " + table + " does not exist");

        DynamoDbSinkTask creating = task(Map.of("table.auto.create", "true"));
        creating.put(records);

        var keySchema = store.client().describeTable(b -> b.tableName(table)).table().keySchema();
        assertThat(keySchema).singleElement().satisfies(element -> {
            assertThat(element.attributeName()).isEqualTo("pk");
            assertThat(element.keyType()).isEqualTo(KeyType.HASH);
        });
        assertThat(store.visibleItems(table)).isEqualTo(ChangeHistory.random(table, 5, 20, 1, 10).expectedState());
    }

    @Test
    void withoutTheGuardBatchesWriteTheSameItemsIncludingTombstones() {
        store.createTable(table);
        ChangeHistory history = ChangeHistory.random(table, 40, 300, 11, 50);
        DynamoDbSinkTask task = task(Map.of("guard.enabled", "false", "batch.size", "7"));

        task.put(records(history.changes()));

        assertThat(store.visibleItems(table)).isEqualTo(history.expectedState());
        assertThat(store.rawItems(table)).hasSize(40);
    }

    @Test
    void tombstonesCarryAnExpiryForTtlWhenConfigured() {
        store.createTable(table);
        DynamoDbSinkTask task = task(Map.of("tombstone.ttl.attribute", "expires_at", "tombstone.ttl.ms", "3600000"));
        long before = System.currentTimeMillis() / 1000;

        task.put(records(List.of(ChangeHistory.event(Operation.DELETE, table, "gone", "100000000000000000002", null))));

        long expiresAt = Long.parseLong(store.rawItems(table).get("gone").get("expires_at").n());
        assertThat(expiresAt).isBetween(before + 3600, System.currentTimeMillis() / 1000 + 3600);
    }

    @Test
    void throttlingAndServerErrorsAreRetriedUntilTheTargetConverges() {
        store.createTable(table);
        store.emulator().admin().addFault(FaultRule.of(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED)
                .onOperation("PutItem").onTable(table).withRate(0.3));
        store.emulator().admin().addFault(FaultRule.of(FaultKind.INTERNAL_SERVER_ERROR)
                .onOperation("PutItem").onTable(table).withRate(0.1));
        ChangeHistory history = ChangeHistory.random(table, 50, 300, 5, 50);
        DynamoDbSinkTask task = task(Map.of("retry.backoff.min.ms", "1", "retry.backoff.max.ms", "20",
                "retry.max.attempts", "30"));

        task.put(records(history.changes()));

        assertThat(store.visibleItems(table)).isEqualTo(history.expectedState());
        assertThat(store.emulator().admin().faults()).allSatisfy(fault -> assertThat(fault.hits()).isPositive());
    }

    @Test
    void unprocessedItemsAreResentUntilNoneIsLeft() {
        store.createTable(table);
        store.emulator().admin().addFault(FaultRule.of(FaultKind.UNPROCESSED_ITEMS).onTable(table).withRate(0.5));
        ChangeHistory history = ChangeHistory.random(table, 60, 200, 9, 50);
        DynamoDbSinkTask task = task(Map.of("guard.enabled", "false", "retry.backoff.min.ms", "1",
                "retry.backoff.max.ms", "5", "retry.max.attempts", "40"));

        task.put(records(history.changes()));

        assertThat(store.visibleItems(table)).isEqualTo(history.expectedState());
        assertThat(store.emulator().admin().faults()).singleElement()
                .satisfies(fault -> assertThat(fault.hits()).isPositive());
    }

    @Test
    void aCompositeKeyNeedsTheDeclaredKeySchemaToCreateTheTable() {
        ChangeEvent change = new ChangeEvent(Operation.CREATE,
                Map.of("customer", AttributeValue.fromS("c1"), "order", AttributeValue.fromN("7")), null,
                Map.of("customer", AttributeValue.fromS("c1"), "order", AttributeValue.fromN("7")),
                ChangeHistory.event(Operation.DELETE, table, "x", "100000000000000000001", null).source(),
                Instant.EPOCH);

        assertThatThrownBy(() -> task(Map.of("table.auto.create", "true")).put(records(List.of(change))))
                .hasMessageContaining("set table.key.schema");

        task(Map.of("table.auto.create", "true", "table.key.schema", "order:N,customer:S")).put(records(List.of(change)));
        assertThat(store.client().describeTable(b -> b.tableName(table)).table().keySchema())
                .extracting(element -> element.attributeName() + "/" + element.keyType())
                .containsExactly("order/HASH", "customer/RANGE");
    }

    private DynamoDbSinkTask task(Map<String, String> settings) {
        return task(settings, new FakeSinkTaskContext(false));
    }

    private DynamoDbSinkTask task(Map<String, String> settings, FakeSinkTaskContext context) {
        Map<String, String> props = new HashMap<>(store.sinkSettings());
        props.putAll(settings);
        DynamoDbSinkTask task = new DynamoDbSinkTask();
        task.initialize(context);
        task.start(props);
        tasks.add(task);
        return task;
    }

    private List<SinkRecord> records(List<ChangeEvent> changes) {
        List<SinkRecord> records = new ArrayList<>();
        for (ChangeEvent change : changes) {
            EnvelopeRecord encoded = EnvelopeEncoder.encode(change);
            records.add(new SinkRecord(TOPIC, 0, encoded.keySchema(), encoded.key(), encoded.valueSchema(),
                    encoded.value(), offset++));
        }
        return records;
    }
}
