package dev.shardbridge.sink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.fault.FaultKind;
import dev.shardbridge.emulator.fault.FaultRule;
import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.sink.testing.ChangeHistory;
import dev.shardbridge.sink.testing.ConnectHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sink in a real Connect cluster (one broker, one worker) replaying into the emulator: however
 * records are duplicated, reordered, throttled or cut off by a restart, the replica ends equal to
 * the source's final state, item by item.
 */
class SinkConvergenceIT {

    private static final Duration CONVERGENCE_TIMEOUT = Duration.ofSeconds(30);

    private static ConnectHarness harness;

    @BeforeAll
    static void startCluster() {
        // A short graceful shutdown, so a restart abandons a task in the middle of its put.
        harness = ConnectHarness.start(1, Map.of("task.shutdown.graceful.timeout.ms", "1000"));
    }

    @AfterAll
    static void stopCluster() {
        harness.close();
    }

    @AfterEach
    void clearFaults() {
        harness.store().emulator().admin().clearFaults();
    }

    @Test
    void duplicatedAndReorderedRecordsConvergeToTheSourceState() throws InterruptedException {
        String table = "replayed";
        harness.store().createTable(table);
        harness.cluster().kafka().createTopic(table, 3);
        ChangeHistory history = ChangeHistory.random(table, 80, 1200, 21, 200);
        List<ChangeEvent> stale = new ArrayList<>(history.changes());
        Collections.shuffle(stale, new Random(5));
        // One item deleted, then an older put of it arrives: it must stay deleted.
        ChangeEvent oldPut = ChangeHistory.event(Operation.CREATE, table, "late-put", "100000000000000000001",
                ChangeHistory.image("late-put", 1, new Random(2), 50));
        ChangeEvent delete = ChangeHistory.event(Operation.DELETE, table, "late-put", "900000000000000000000", null);

        harness.produce(table, history.changes());
        harness.produce(table, List.of(delete));
        harness.produceTombstone(table, delete.key());
        harness.produce(table, stale); // every change again, older after newer
        harness.produce(table, List.of(oldPut));
        start("replayed-sink", table, 2, Map.of());

        harness.awaitReplica(table, history.expectedState(), CONVERGENCE_TIMEOUT);
        assertThat(harness.store().rawItems(table).get("late-put"))
                .containsEntry("_shardbridge_deleted", AttributeValue.fromBool(true));
    }

    @Test
    void throttlingAndServerErrorsDelayButDoNotPreventConvergence() throws InterruptedException {
        String table = "throttled";
        harness.store().createTable(table);
        harness.cluster().kafka().createTopic(table, 2);
        var admin = harness.store().emulator().admin();
        var throttles = admin.addFault(FaultRule.of(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED)
                .onOperation("PutItem").onTable(table).withRate(0.2));
        var errors = admin.addFault(FaultRule.of(FaultKind.INTERNAL_SERVER_ERROR)
                .onOperation("PutItem").onTable(table).withRate(0.05));
        ChangeHistory history = ChangeHistory.random(table, 200, 1500, 22, 200);

        harness.produce(table, history.changes());
        start("throttled-sink", table, 2, Map.of("retry.backoff.min.ms", "5", "retry.backoff.max.ms", "200",
                "retry.max.attempts", "20"));

        harness.awaitReplica(table, history.expectedState(), CONVERGENCE_TIMEOUT);
        assertThat(admin.fault(throttles.id()).orElseThrow().hits()).isGreaterThan(20);
        assertThat(admin.fault(errors.id()).orElseThrow().hits()).isGreaterThan(3);
    }

    @Test
    void aTaskRestartedInTheMiddleOfItsWritesConverges() throws InterruptedException {
        String table = "restarted";
        String connector = "restarted-sink";
        harness.store().createTable(table);
        harness.cluster().kafka().createTopic(table, 2);
        var admin = harness.store().emulator().admin();
        // Slow writes: a put of 500 records (about 3 s at 16 in flight) then outlasts the 1 s graceful
        // shutdown, so the restart abandons it half done, with its offsets uncommitted and its writer
        // threads still running beside the new task.
        admin.addFault(FaultRule.latencyOf(Duration.ofMillis(100)).onOperation("PutItem").onTable(table));
        ChangeHistory history = ChangeHistory.random(table, 2000, 4000, 23, 100);
        harness.produce(table, history.changes());
        start(connector, table, 1, Map.of("consumer.override.max.poll.records", "500"));

        ConnectHarness.awaitEqual(() -> harness.store().rawItems(table).size() >= 200, true, CONVERGENCE_TIMEOUT);
        assertThat(committedRecords(connector)).isLessThan(history.changes().size());
        harness.cluster().restartConnectorAndTasks(connector, false, true, false);
        admin.clearFaults();

        harness.awaitReplica(table, history.expectedState(), CONVERGENCE_TIMEOUT);
    }

    private static long committedRecords(String connector) {
        return harness.cluster().connectorOffsets(connector).offsets().stream()
                .mapToLong(offset -> ((Number) offset.offset().get("kafka_offset")).longValue()).sum();
    }

    private static void start(String name, String topic, int tasks, Map<String, String> settings)
            throws InterruptedException {
        Map<String, String> config = new HashMap<>(harness.sinkConfig(topic, tasks));
        config.put("consumer.override.auto.offset.reset", "earliest");
        config.putAll(settings);
        harness.cluster().configureConnector(name, config);
        harness.cluster().assertions().assertConnectorAndExactlyNumTasksAreRunning(name, tasks, name + " did not start");
    }
}
