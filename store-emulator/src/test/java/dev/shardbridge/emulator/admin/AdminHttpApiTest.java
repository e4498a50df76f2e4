package dev.shardbridge.emulator.admin;

import dev.shardbridge.emulator.testing.SdkClients;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.emulator.fault.TestTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The admin API over plain HTTP: every endpoint once, and a specific 4xx for every kind of bad input. */
class AdminHttpApiTest {
    private static StoreEmulator emulator;
    private static DynamoDbClient client;
    private static AdminHttp http;

    @BeforeAll
    static void start() {
        emulator = StoreEmulator.start();
        client = SdkClients.tables(emulator.endpoint());
        http = new AdminHttp(emulator.endpoint());
        TestTables.createWithStream(client, "orders");
        TestTables.create(client, "plain");
    }

    @AfterEach
    void removeFaults() {
        emulator.admin().clearFaults();
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void readsAndAdvancesTheClockByMillisOrIsoDuration() {
        AdminHttp.Answer start = http.get("/shardbridge/admin/clock");
        long offset = start.json().path("offsetMillis").asLong();

        AdminHttp.Answer byMillis = http.post("/shardbridge/admin/clock/advance", "{\"millis\": 60000}");
        AdminHttp.Answer byDuration = http.post("/shardbridge/admin/clock/advance", "{\"duration\": \"PT1H\"}");

        assertThat(start.status()).isEqualTo(200);
        assertThat(start.contentType()).isEqualTo("application/json");
        assertThat(byMillis.json().path("offsetMillis").asLong()).isEqualTo(offset + 60_000);
        assertThat(byDuration.json().path("offsetMillis").asLong()).isEqualTo(offset + 3_660_000);
        assertThat(byDuration.json().path("nowMillis").asLong())
                .isGreaterThanOrEqualTo(start.json().path("nowMillis").asLong() + 3_660_000);
        assertThat(java.time.Instant.parse(byDuration.json().path("now").asText()).toEpochMilli())
                .isEqualTo(byDuration.json().path("nowMillis").asLong());
    }

    @Test
    void splitsRollsAndReportsShards() {
        TestTables.createWithStream(client, "reshaped");
        TestTables.write(client, "reshaped", 10);

        AdminHttp.Answer split = http.post("/shardbridge/admin/tables/reshaped/partitions/0/split", null);
        AdminHttp.Answer rolled = http.post("/shardbridge/admin/tables/reshaped/roll", "");
        AdminHttp.Answer shards = http.get("/shardbridge/admin/tables/reshaped/shards");

        assertThat(split.status()).isEqualTo(200);
        assertThat(split.json().toString()).isEqualTo("{\"table\":\"reshaped\",\"partitions\":5}");
        assertThat(rolled.json().path("openShards").asInt()).isEqualTo(5);
        JsonNode body = shards.json();
        assertThat(body.path("table").asText()).isEqualTo("reshaped");
        assertThat(body.path("partitions").asInt()).isEqualTo(5);
        assertThat(body.path("streamArn").asText()).contains(":table/reshaped/stream/");
        // 4 first shards, 2 children of the split one, then 5 rolled over.
        assertThat(body.path("shards").size()).isEqualTo(11);
        long written = 0;
        for (JsonNode shard : body.path("shards")) {
            assertThat(shard.path("shardId").asText()).startsWith("shardId-");
            assertThat(shard.has("parentShardId") && shard.has("open") && shard.has("recordsRetained")
                    && shard.has("activeReaders") && shard.has("getRecordsCalls") && shard.has("throttles")).isTrue();
            written += shard.path("recordsWritten").asLong();
        }
        assertThat(written).isEqualTo(10);
    }

    @Test
    void setsPartitionsForATableCreatedAfterwards() {
        AdminHttp.Answer set = http.put("/shardbridge/admin/tables/eight/partitions", "{\"partitions\": 8}");
        TestTables.createWithStream(client, "eight");

        assertThat(set.json().toString()).isEqualTo("{\"table\":\"eight\",\"partitions\":8}");
        assertThat(http.get("/shardbridge/admin/tables/eight/partitions").json().path("partitions").asInt())
                .isEqualTo(8);
        assertThat(http.get("/shardbridge/admin/tables/eight/shards").json().path("openShards").asInt())
                .isEqualTo(8);
    }

    @Test
    void addsListsAndRemovesFaultRules() {
        AdminHttp.Answer added = http.post("/shardbridge/admin/faults", "{\"kind\": \"THROTTLING\", "
                + "\"operation\": \"PutItem\", \"table\": \"orders\", \"rate\": 0.25, \"maxCount\": 3, \"seed\": 9}");
        AdminHttp.Answer latency = http.post("/shardbridge/admin/faults",
                "{\"kind\": \"latency\", \"latencyMillis\": 40}");
        long id = added.json().path("id").asLong();

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().toString()).isEqualTo("{\"id\":" + id + ",\"kind\":\"THROTTLING\","
                + "\"operation\":\"PutItem\",\"table\":\"orders\",\"shard\":null,\"rate\":0.25,\"maxCount\":3,"
                + "\"seed\":9,\"hits\":0,\"exhausted\":false}");
        assertThat(latency.json().path("latencyMillis").asLong()).isEqualTo(40);
        assertThat(latency.json().path("operation").isNull()).isTrue();
        assertThat(http.get("/shardbridge/admin/faults").json().path("faults").size()).isEqualTo(2);
        assertThat(http.get("/shardbridge/admin/faults/" + id).json().path("rate").asDouble()).isEqualTo(0.25);

        AdminHttp.Answer removed = http.delete("/shardbridge/admin/faults/" + id);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().path("id").asLong()).isEqualTo(id);
        assertThat(http.get("/shardbridge/admin/faults/" + id).status()).isEqualTo(404);
        assertThat(http.delete("/shardbridge/admin/faults").json().toString()).isEqualTo("{\"removed\":1}");
        assertThat(http.get("/shardbridge/admin/faults").json().toString()).isEqualTo("{\"faults\":[]}");
    }

    @Test
    void anInstalledFaultHitsDataPlaneRequests() {
        http.post("/shardbridge/admin/faults", "{\"kind\": \"INTERNAL_SERVER_ERROR\", \"operation\": \"DescribeTable\","
                + " \"table\": \"orders\", \"maxCount\": 1}");

        assertThat(catchStatus(() -> client.describeTable(builder -> builder.tableName("orders")))).isEqualTo(500);
        assertThat(http.get("/shardbridge/admin/faults").json().path("faults").get(0).path("exhausted").asBoolean())
                .isTrue();
    }

    @Test
    void badInputIsRefusedWithASpecificMessage() {
        assertRefused(http.get("/shardbridge/admin/tables/nope/shards"), 404, "table nope does not exist");
        assertRefused(http.post("/shardbridge/admin/tables/orders/partitions/x/split", null), 400,
                "partition index must be an integer, was 'x'");
        assertRefused(http.post("/shardbridge/admin/tables/orders/partitions/9/split", null), 400,
                "table orders has partitions 0..3; there is no partition 9");
        assertRefused(http.post("/shardbridge/admin/tables/plain/roll", null), 409,
                "table plain has no enabled stream to roll; enable one with UpdateTable StreamSpecification");
        assertRefused(http.post("/shardbridge/admin/faults", "{\"kind\": \"EXPLODE\"}"), 400,
                "unknown fault kind 'EXPLODE'; one of [PROVISIONED_THROUGHPUT_EXCEEDED, THROTTLING, LIMIT_EXCEEDED, "
                        + "INTERNAL_SERVER_ERROR, UNPROCESSED_ITEMS, LATENCY]");
        assertRefused(http.post("/shardbridge/admin/faults", "{\"kind\": \"THROTTLING\", \"rate\": 2}"), 400,
                "rate must be 0..1, was 2.0");
        assertRefused(http.post("/shardbridge/admin/faults", "{\"kind\": \"THROTTLING\", \"rate\": \"high\"}"), 400,
                "'rate' must be a number, was \"high\"");
        assertRefused(http.post("/shardbridge/admin/faults", "{\"kind\": \"THROTTLING\", \"tabel\": \"orders\"}"),
                400, "unknown field 'tabel'; expected [kind, latencyMillis, maxCount, operation, rate, seed, shard, "
                        + "table]");
        assertRefused(http.post("/shardbridge/admin/faults", "{}"), 400, "'kind' is required; one of "
                + "[PROVISIONED_THROUGHPUT_EXCEEDED, THROTTLING, LIMIT_EXCEEDED, INTERNAL_SERVER_ERROR, "
                + "UNPROCESSED_ITEMS, LATENCY]");
        assertRefused(http.post("/shardbridge/admin/faults", "[1]"), 400, "the request body must be a JSON object");
        assertRefused(http.post("/shardbridge/admin/faults", "{\"kind\": \"LATENCY\"}"), 400,
                "'latencyMillis' is required for LATENCY rules, e.g. 200");
        assertRefused(http.post("/shardbridge/admin/faults", "{\"kind\": \"THROTTLING\", \"operation\": \"PutItem\", "
                + "\"shard\": \"shardId-1\"}"), 400, "shard applies to [GetRecords, GetShardIterator] only, not PutItem");
        assertRefused(http.put("/shardbridge/admin/tables/eight/partitions", "{\"partitions\": 0}"), 400,
                "partitions must be 1..1024, was 0");
        assertRefused(http.post("/shardbridge/admin/clock/advance", "{\"millis\": -1000}"), 400,
                "the clock only moves forward; cannot advance by PT-1S");
        assertRefused(http.post("/shardbridge/admin/clock/advance", "{\"duration\": \"1h\"}"), 400,
                "'duration' must be ISO-8601 such as PT1H, PT30M or P1D, was '1h'");
        assertRefused(http.post("/shardbridge/admin/clock/advance", "{}"), 400,
                "give exactly one of 'millis' (e.g. 60000) or 'duration' (ISO-8601, e.g. \"PT1H\")");
        assertRefused(http.delete("/shardbridge/admin/faults/abc"), 400, "fault rule id must be an integer, was 'abc'");
        assertRefused(http.delete("/shardbridge/admin/faults/12345"), 404, "no fault rule with id 12345");
        assertRefused(http.get("/shardbridge/admin/clock/advance"), 405,
                "GET is not allowed on /shardbridge/admin/clock/advance; use POST");
        assertRefused(http.get("/shardbridge/admin/nothing"), 404, "no admin endpoint GET /shardbridge/admin/nothing");
        assertRefused(http.get("/shardbridge/other"), 404,
                "no endpoint at /shardbridge/other; the admin API is under /shardbridge/admin/");
    }

    @Test
    void malformedJsonIsABadRequest() {
        AdminHttp.Answer answer = http.post("/shardbridge/admin/faults", "{\"kind\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).startsWith("malformed JSON: ");
    }

    private static void assertRefused(AdminHttp.Answer answer, int status, String message) {
        assertThat(answer.status()).as(message).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.message()).isEqualTo(message);
    }

    private static int catchStatus(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException e) {
            return e.statusCode();
        }
    }
}
