package dev.shardbridge.sink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.sink.testing.ChangeHistory;
import dev.shardbridge.sink.testing.ConnectHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Poison records land in the dead-letter topic with the reason in Connect's headers; the rest is applied. */
class SinkDeadLetterQueueIT {

    private static final String TABLE = "poisoned";
    private static final String DLQ = "poisoned-dlq";

    private static ConnectHarness harness;

    @BeforeAll
    static void startCluster() {
        harness = ConnectHarness.start(1, Map.of());
    }

    @AfterAll
    static void stopCluster() {
        harness.close();
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheRestIsApplied() throws Exception {
        harness.store().createTable(TABLE, "pk", ScalarAttributeType.S);
        harness.cluster().kafka().createTopic(TABLE, 1);
        ChangeHistory history = ChangeHistory.random(TABLE, 50, 300, 31, 100);
        List<ChangeEvent> good = history.changes();

        harness.produce(TABLE, good.subList(0, 150));
        harness.produceRaw(TABLE, "{\"schema\":{\"type\":\"string\"},\"payload\":\"k\"}".getBytes(StandardCharsets.UTF_8),
                "{\"schema\":{\"type\":\"string\"},\"payload\":\"not a change event\"}".getBytes(StandardCharsets.UTF_8));
        // Not JSON at all: Connect's converter stage refuses it before the sink sees it.
        harness.produceRaw(TABLE, "{\"schema\":{\"type\":\"string\"},\"payload\":\"k\"}".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xd9, (byte) 0xd9, (byte) 0xf7});
        harness.produce(TABLE, List.of(
                ChangeHistory.event(Operation.UPDATE, TABLE, "no-image", "100000000000000000003", null),
                ChangeHistory.event(Operation.CREATE, TABLE, "huge", "100000000000000000005",
                        ChangeHistory.image("huge", 1, new Random(1), 401 * 1024)),
                numericKey()));
        harness.produce(TABLE, good.subList(150, good.size()));

        Map<String, String> config = new HashMap<>(harness.sinkConfig(TABLE, 1));
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", DLQ);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        harness.cluster().configureConnector("poisoned-sink", config);
        harness.cluster().assertions().assertConnectorAndExactlyNumTasksAreRunning("poisoned-sink", 1, "not running");

        harness.awaitReplica(TABLE, history.expectedState(), Duration.ofSeconds(30));
        List<String> reasons = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : harness.cluster().kafka().consume(5, 30_000, DLQ)) {
            reasons.add(header(record, "__connect.errors.exception.message"));
            offsets.add(Long.parseLong(header(record, "__connect.errors.offset")));
            assertThat(header(record, "__connect.errors.topic")).isEqualTo(TABLE);
        }
        assertThat(offsets).containsExactlyInAnyOrder(150L, 151L, 152L, 153L, 154L);
        assertThat(reasons).hasSize(5)
                .anySatisfy(reason -> assertThat(reason).startsWith("Not a change-event envelope"))
                .anySatisfy(reason -> assertThat(reason).startsWith("Converting byte[] to Kafka Connect data failed"))
                .anySatisfy(reason -> assertThat(reason).contains("has no new image"))
                .anySatisfy(reason -> assertThat(reason).contains("exceeds DynamoDB's limit of 409600 bytes"))
                .anySatisfy(reason -> assertThat(reason)
                        .isEqualTo("Key attribute 'pk' is of type N but the target table declares S"));
    }

    private static ChangeEvent numericKey() {
        ChangeEvent template = ChangeHistory.event(Operation.CREATE, TABLE, "x", "100000000000000000007", null);
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromN("42"));
        return new ChangeEvent(Operation.CREATE, key, null, Map.of("pk", AttributeValue.fromN("42")),
                template.source(), template.timestamp());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
