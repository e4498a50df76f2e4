package dev.shardbridge.emulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.error.ErrorType;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.stream.ShardIterator;
import org.junit.jupiter.api.Test;

/** The interceptor on its own, with hand-made request bodies: scoping, counting and held-back writes. */
class FaultInjectorTest {
    private static final String BATCH_WRITE = "DynamoDB_20120810.BatchWriteItem";
    private static final String GET_RECORDS = "DynamoDBStreams_20120810.GetRecords";
    private static final String STREAM_ARN =
            "arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/2024-01-01T00:00:00.000";

    private final FaultRules rules = new FaultRules();
    private final FaultInjector injector = new FaultInjector(rules);

    @Test
    void withoutRulesEveryRequestRunsUnchanged() {
        Request request = batchWrite("orders", 3);
        String before = request.body().toString();

        assertThat(injector.beforeOperation(BATCH_WRITE, request)).isNull();
        assertThat(request.body().toString()).isEqualTo(before);
    }

    @Test
    void aTableRuleHitsOnlyRequestsNamingThatTable() {
        rules.add(FaultRule.of(FaultKind.THROTTLING).onTable("orders"));

        assertThat(injector.beforeOperation(BATCH_WRITE, batchWrite("customers", 1))).isNull();
        assertThat(injector.beforeOperation("DynamoDB_20120810.DescribeTable", tableRequest("customers"))).isNull();
        assertThatThrownBy(() -> injector.beforeOperation(BATCH_WRITE, batchWrite("orders", 1)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.THROTTLING);
                    assertThat(e.getMessage()).isEqualTo("Rate of requests exceeds the allowed throughput.");
                });
        assertThat(rules.list().get(0).hits()).isEqualTo(1);
    }

    @Test
    void aShardRuleFindsTableAndShardInsideTheShardIterator() {
        rules.add(FaultRule.of(FaultKind.LIMIT_EXCEEDED).onOperation("GetRecords").onTable("orders")
                .onShard("shardId-a"));

        assertThat(injector.beforeOperation(GET_RECORDS, getRecords("shardId-b"))).isNull();
        assertThatThrownBy(() -> injector.beforeOperation(GET_RECORDS, getRecords("shardId-a")))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.LIMIT_EXCEEDED);
                    assertThat(e.getMessage()).isEqualTo("Rate exceeded for shard shardId-a");
                });
    }

    @Test
    void aStreamArnScopesByItsTable() {
        rules.add(FaultRule.of(FaultKind.INTERNAL_SERVER_ERROR).onTable("orders"));
        Request describe = new Request(Json.object().put("StreamArn", STREAM_ARN));

        assertThatThrownBy(() -> injector.beforeOperation("DynamoDBStreams_20120810.DescribeStream", describe))
                .isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.INTERNAL_SERVER_ERROR));
    }

    @Test
    void aMaxCountStopsTheRuleAfterThatManyHits() {
        rules.add(FaultRule.of(FaultKind.PROVISIONED_THROUGHPUT_EXCEEDED).withMaxCount(2));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> injector.beforeOperation(BATCH_WRITE, batchWrite("orders", 1)))
                    .isInstanceOf(DynamoDbException.class);
        }
        assertThat(injector.beforeOperation(BATCH_WRITE, batchWrite("orders", 1))).isNull();
        FaultRuleStatus status = rules.list().get(0);
        assertThat(status.hits()).isEqualTo(2);
        assertThat(status.exhausted()).isTrue();
    }

    @Test
    void latencyDelaysTheRequestAndLetsItRun() {
        rules.add(FaultRule.latencyOf(java.time.Duration.ofMillis(120)));

        long start = System.nanoTime();
        assertThat(injector.beforeOperation(BATCH_WRITE, batchWrite("orders", 1))).isNull();
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(120);
    }

    @Test
    void heldBackWritesLeaveTheRequestAndJoinTheResponse() {
        rules.add(FaultRule.of(FaultKind.UNPROCESSED_ITEMS).withRate(0.5));
        Request request = batchWrite("orders", 20);

        assertThat(injector.beforeOperation(BATCH_WRITE, request)).isNull();
        int left = request.body().path("RequestItems").path("orders").size();
        ObjectNode response = Json.object();
        response.putObject("UnprocessedItems");
        injector.afterOperation(BATCH_WRITE, request, response);

        JsonNode heldBack = response.path("UnprocessedItems").path("orders");
        assertThat(left).isBetween(1, 19);
        assertThat(heldBack.size()).isEqualTo(20 - left);
        assertThat(rules.list().get(0).hits()).isEqualTo(20 - left);
        assertThat(heldBack.get(0).path("PutRequest").path("Item").path("pk").path("S").asText()).startsWith("k");
    }

    @Test
    void aBatchWithEveryWriteHeldBackIsAnsweredWithoutRunning() {
        rules.add(FaultRule.of(FaultKind.UNPROCESSED_ITEMS));
        Request request = batchWrite("orders", 3);

        ObjectNode answer = injector.beforeOperation(BATCH_WRITE, request);

        assertThat(answer).isNotNull();
        assertThat(answer.path("UnprocessedItems").path("orders").size()).isEqualTo(3);
        assertThat(request.body().path("RequestItems").isEmpty()).isTrue();
    }

    @Test
    void anInvalidBatchIsLeftForTheOperationToRefuse() {
        rules.add(FaultRule.of(FaultKind.UNPROCESSED_ITEMS));
        Request tooMany = batchWrite("orders", 26);

        assertThat(injector.beforeOperation(BATCH_WRITE, tooMany)).isNull();
        assertThat(tooMany.body().path("RequestItems").path("orders").size()).isEqualTo(26);
        assertThat(rules.list().get(0).hits()).isZero();
    }

    @Test
    void theSameRulesAndRequestsGiveTheSameFaultsOnEveryRun() {
        assertThat(faultPattern()).isEqualTo(faultPattern()).contains("X").contains(".");
    }

    /** Which of 200 requests a fresh 30 % rule fails: X for failed, . for passed. */
    private static String faultPattern() {
        FaultRules fresh = new FaultRules();
        fresh.add(FaultRule.of(FaultKind.THROTTLING).withRate(0.3));
        FaultInjector injector = new FaultInjector(fresh);
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            try {
                injector.beforeOperation(BATCH_WRITE, batchWrite("orders", 1));
                pattern.append('.');
            } catch (DynamoDbException e) {
                pattern.append('X');
            }
        }
        return pattern.toString();
    }

    private static Request batchWrite(String table, int writes) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putObject("RequestItems").putArray(table);
        for (int i = 0; i < writes; i++) {
            list.addObject().putObject("PutRequest").putObject("Item").putObject("pk").put("S", "k" + i);
        }
        return new Request(body);
    }

    private static Request tableRequest(String table) {
        return new Request(Json.object().put("TableName", table));
    }

    private static Request getRecords(String shardId) {
        String iterator = new ShardIterator(STREAM_ARN, shardId, 0, 0, 1).encode();
        return new Request(Json.object().put("ShardIterator", iterator));
    }
}
