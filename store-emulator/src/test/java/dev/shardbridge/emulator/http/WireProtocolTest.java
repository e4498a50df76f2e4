package dev.shardbridge.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.StoreEmulator;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON 1.0 protocol as AWS serves it, checked with raw HTTP: headers, status codes, error bodies. */
class WireProtocolTest {
    private static StoreEmulator emulator;
    private static RawClient client;

    @BeforeAll
    static void start() {
        emulator = StoreEmulator.start();
        client = new RawClient(emulator.endpoint());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void answersWithJsonContentTypeAndABodyChecksumTheSdkVerifies() throws Exception {
        RawClient.Answer answer = client.post("ListTables", "{}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/x-amz-json-1.0");
        CRC32 crc = new CRC32();
        crc.update(answer.body().getBytes(StandardCharsets.UTF_8));
        assertThat(answer.crc32()).isEqualTo(Long.toString(crc.getValue()));
        assertThat(answer.json().path("TableNames").isArray()).isTrue();
    }

    @Test
    void malformedJsonIsASerializationException() throws Exception {
        RawClient.Answer answer = client.post("ListTables", "{\"Limit\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("SerializationException");
        assertThat(answer.json().path("__type").asText()).isEqualTo("com.amazon.coral.service#SerializationException");
    }

    @Test
    void aBodyThatIsNotAnObjectIsASerializationException() throws Exception {
        assertThat(client.post("ListTables", "[1, 2]").errorType()).isEqualTo("SerializationException");
        assertThat(client.post("ListTables", "\"text\"").errorType()).isEqualTo("SerializationException");
        assertThat(client.post("ListTables", "").errorType()).isEqualTo("SerializationException");
    }

    @Test
    void aWrongMemberTypeIsASerializationExceptionNamingTheTypes() throws Exception {
        RawClient.Answer answer = client.post("ListTables", "{\"Limit\": \"ten\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("SerializationException");
        assertThat(answer.json().path("message").asText()).isEqualTo("STRING_VALUE cannot be converted to Integer");
    }

    @Test
    void unknownOperationsAndServicesAreUnknownOperationExceptions() throws Exception {
        assertThat(client.post("NoSuchOperation", "{}").errorType()).isEqualTo("UnknownOperationException");
        RawClient.Answer otherService = client.post("Kinesis_20131202.ListStreams", "application/x-amz-json-1.0",
                "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(otherService.status()).isEqualTo(400);
        assertThat(otherService.errorType()).isEqualTo("UnknownOperationException");
        RawClient.Answer noTarget = client.post(null, "application/x-amz-json-1.0", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(noTarget.errorType()).isEqualTo("UnknownOperationException");
    }

    @Test
    void aNonJsonContentTypeIsRejected() throws Exception {
        RawClient.Answer answer = client.post("DynamoDB_20120810.ListTables", "text/plain",
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("UnknownOperationException");
    }

    @Test
    void plainApplicationJsonIsAccepted() throws Exception {
        RawClient.Answer answer = client.post("DynamoDB_20120810.ListTables", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void deeplyNestedDocumentsAreRejectedBeforeTheyCostMemory() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        RawClient.Answer answer = client.post("ListTables", "{\"X\": " + deep + "}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("SerializationException");
    }

    @Test
    void bodiesOverTheRequestLimitAreAnsweredWith413() throws Exception {
        byte[] huge = new byte[BoundedJsonAggregator.MAX_REQUEST_BYTES + 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        RawClient.Answer answer = client.post("DynamoDB_20120810.ListTables", "application/x-amz-json-1.0", huge);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.errorType()).isEqualTo("RequestEntityTooLargeException");
        assertThat(client.post("ListTables", "{}").status()).as("server still serves").isEqualTo(200);
    }

    @Test
    void getOnTheRootIsAHealthCheck() throws Exception {
        RawClient.Answer answer = client.get();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");
    }
}
