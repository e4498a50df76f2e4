package dev.shardbridge.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shardbridge.emulator.StoreEmulator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Throws malformed, truncated, mutated, oversized and deeply nested requests at the server. Every answer
 * must be a proper AWS error (or a success), the server must stay up, and a request answered with an
 * error must leave the stored data exactly as it was.
 */
class MalformedRequestFuzzTest {
    private static final long SEED = 20261124L;
    private static final int ROUNDS = 1500;
    private static final Set<Integer> AWS_STATUSES = Set.of(200, 400, 413);
    private static final List<String> TEMPLATES = List.of(
            "PutItem|{\"TableName\":\"fuzz\",\"Item\":{\"pk\":{\"S\":\"k1\"},\"sk\":{\"N\":\"1\"},\"v\":{\"L\":[{\"N\":\"1\"},{\"SS\":[\"a\",\"b\"]}]}}}",
            "PutItem|{\"TableName\":\"fuzz\",\"Item\":{\"pk\":{\"S\":\"k2\"},\"sk\":{\"N\":\"2\"}},\"ConditionExpression\":\"attribute_not_exists(pk)\"}",
            "UpdateItem|{\"TableName\":\"fuzz\",\"Key\":{\"pk\":{\"S\":\"k1\"},\"sk\":{\"N\":\"1\"}},\"UpdateExpression\":\"SET #c = if_not_exists(#c, :z) + :one\",\"ExpressionAttributeNames\":{\"#c\":\"count\"},\"ExpressionAttributeValues\":{\":z\":{\"N\":\"0\"},\":one\":{\"N\":\"1\"}}}",
            "DeleteItem|{\"TableName\":\"fuzz\",\"Key\":{\"pk\":{\"S\":\"k3\"},\"sk\":{\"N\":\"3\"}},\"ConditionExpression\":\"v = :v\",\"ExpressionAttributeValues\":{\":v\":{\"B\":\"AAEC\"}}}",
            "BatchWriteItem|{\"RequestItems\":{\"fuzz\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"b1\"},\"sk\":{\"N\":\"9\"},\"m\":{\"M\":{\"x\":{\"NULL\":true}}}}}},{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"k4\"},\"sk\":{\"N\":\"4\"}}}}]}}",
            "Query|{\"TableName\":\"fuzz\",\"KeyConditionExpression\":\"pk = :p AND sk BETWEEN :a AND :b\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"k1\"},\":a\":{\"N\":\"0\"},\":b\":{\"N\":\"10\"}},\"Limit\":5}",
            "Scan|{\"TableName\":\"fuzz\",\"FilterExpression\":\"size(v) > :n OR contains(#t, :s)\",\"ExpressionAttributeNames\":{\"#t\":\"tags\"},\"ExpressionAttributeValues\":{\":n\":{\"N\":\"1\"},\":s\":{\"S\":\"x\"}},\"Segment\":0,\"TotalSegments\":2}",
            "GetItem|{\"TableName\":\"fuzz\",\"Key\":{\"pk\":{\"S\":\"k1\"},\"sk\":{\"N\":\"1\"}},\"ProjectionExpression\":\"v[0], pk\"}",
            "BatchGetItem|{\"RequestItems\":{\"fuzz\":{\"Keys\":[{\"pk\":{\"S\":\"k1\"},\"sk\":{\"N\":\"1\"}}]}}}",
            "CreateTable|{\"TableName\":\"fuzz2\",\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"a\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}",
            "UpdateTable|{\"TableName\":\"fuzz\",\"BillingMode\":\"PAY_PER_REQUEST\"}");
    private static final String[] JUNK = {"{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "-1e999",
        "\"\\u0000\"", "{\"S\":1}", "{\"N\":\"1e400\"}", "{\"SS\":[]}", "{\"NULL\":false}", "\uD800", "99999999999"};

    private static StoreEmulator emulator;
    private static RawClient client;

    @BeforeAll
    static void start() throws Exception {
        emulator = StoreEmulator.start();
        client = new RawClient(emulator.endpoint());
        assertThat(client.post("CreateTable", "{\"TableName\":\"fuzz\",\"KeySchema\":[{\"AttributeName\":\"pk\","
                + "\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],\"AttributeDefinitions\":"
                + "[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":"
                + "\"N\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}").status()).isEqualTo(200);
        for (int i = 0; i < 20; i++) {
            assertThat(client.post("PutItem", "{\"TableName\":\"fuzz\",\"Item\":{\"pk\":{\"S\":\"k" + (i % 5)
                    + "\"},\"sk\":{\"N\":\"" + i + "\"},\"v\":{\"S\":\"value " + i + "\"}}}").status()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void malformedRequestsGetAwsErrorsAndChangeNothing() throws Exception {
        Random random = new Random(SEED);
        JsonNode stored = snapshot();
        int errors = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String[] template = TEMPLATES.get(random.nextInt(TEMPLATES.size())).split("\\|", 2);
            byte[] body = mutate(template[1], random);
            String target = random.nextInt(20) == 0 ? "DynamoDB_20120810." + template[0] + "x"
                    : "DynamoDB_20120810." + template[0];
            RawClient.Answer answer = client.post(target, "application/x-amz-json-1.0", body);

            String context = "round " + round + ": " + new String(body, 0, Math.min(body.length, 300),
                    StandardCharsets.UTF_8);
            assertThat(answer.status()).as(context).isIn(AWS_STATUSES);
            if (answer.status() == 200) {
                stored = snapshot();
                continue;
            }
            errors++;
            assertThat(answer.json().path("__type").asText()).as(context).matches("com\\.amazon(aws)?\\.[a-z0-9.]+#[A-Za-z]+(Exception|Error)");
            assertThat(snapshot()).as("an error must change nothing; " + context).isEqualTo(stored);
        }
        assertThat(errors).as("the mutations must mostly produce invalid requests").isGreaterThan(ROUNDS / 2);
        assertThat(client.post("ListTables", "{}").status()).isEqualTo(200);
    }

    @Test
    void deeplyNestedAttributeValuesAreValidationErrors() throws Exception {
        String value = "{\"L\":[".repeat(40) + "{\"S\":\"x\"}" + "]}".repeat(40);
        RawClient.Answer answer = client.post("PutItem",
                "{\"TableName\":\"fuzz\",\"Item\":{\"pk\":{\"S\":\"deep\"},\"sk\":{\"N\":\"1\"},\"v\":" + value + "}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isIn("ValidationException", "SerializationException");
        assertThat(client.post("GetItem", "{\"TableName\":\"fuzz\",\"Key\":{\"pk\":{\"S\":\"deep\"},\"sk\":{\"N\":\"1\"}}}")
                .json().has("Item")).isFalse();
    }

    private static byte[] mutate(String json, Random random) {
        String mutated = switch (random.nextInt(6)) {
            case 0 -> json.substring(0, random.nextInt(json.length())); // truncated
            case 1 -> replaceAt(json, random, JUNK[random.nextInt(JUNK.length)]);
            case 2 -> insertAt(json, random, JUNK[random.nextInt(JUNK.length)]);
            case 3 -> json.replaceFirst("\\{\"S\":\"[^\"]*\"}", "{\"S\":\"" + "x".repeat(random.nextInt(3) * 300_000) + "\"}");
            case 4 -> json.replace("\"N\":\"1\"", "\"N\":\"" + "9".repeat(39 + random.nextInt(5)) + "\"");
            default -> deleteRange(json, random);
        };
        return mutated.getBytes(StandardCharsets.UTF_8);
    }

    private static String replaceAt(String json, Random random, String junk) {
        int at = random.nextInt(json.length());
        return json.substring(0, at) + junk + json.substring(Math.min(json.length(), at + 1 + random.nextInt(4)));
    }

    private static String insertAt(String json, Random random, String junk) {
        int at = random.nextInt(json.length());
        return json.substring(0, at) + junk + json.substring(at);
    }

    private static String deleteRange(String json, Random random) {
        int from = random.nextInt(json.length());
        int to = Math.min(json.length(), from + 1 + random.nextInt(20));
        return json.substring(0, from) + json.substring(to);
    }

    /** The whole fuzz table; it stays far below one page. */
    private static JsonNode snapshot() throws Exception {
        RawClient.Answer answer = client.post("Scan", "{\"TableName\":\"fuzz\",\"ConsistentRead\":true}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().has("LastEvaluatedKey")).isFalse();
        return answer.json().path("Items");
    }
}
