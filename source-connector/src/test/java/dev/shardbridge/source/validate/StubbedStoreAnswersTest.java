package dev.shardbridge.source.validate;

import com.sun.net.httpserver.HttpServer;
import dev.shardbridge.source.config.DynamoDbStreamsSourceConfig;
import org.apache.kafka.common.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers the emulator cannot give: it accepts any credentials (SigV4 checking, {@code --require-auth}, is not
 * built). A stub answers every call the way DynamoDB answers an unknown access key or a missing permission, or
 * the way a server that is not a store answers, and the SDK parses it as it would AWS's.
 */
class StubbedStoreAnswersTest {

    private static final String SECRET = "wJalrXUtnFEMI-do-not-print";

    private HttpServer store;

    @AfterEach
    void stop() {
        store.stop(0);
    }

    @Test
    void credentialsTheStoreRejectsAreOneErrorOnTheProvider() throws IOException {
        store = rejecting(400, "com.amazon.coral.service#UnrecognizedClientException",
                "The security token included in the request is invalid.");

        Map<String, List<String>> errors = validate();

        assertThat(errors).containsOnlyKeys("aws.credentials.provider");
        assertThat(errors.get("aws.credentials.provider")).singleElement().asString()
                .contains("refused the calls made with aws.credentials.provider=static")
                .contains("UnrecognizedClientException (HTTP 400): The security token included in the request is"
                        + " invalid")
                .doesNotContain(SECRET);
    }

    @Test
    void missingPermissionsAreAnErrorOnTheProvider() throws IOException {
        store = rejecting(400, "com.amazonaws.dynamodb.v20120810#AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/connect is not authorized to perform: dynamodb:DescribeTable");

        assertThat(validate().get("aws.credentials.provider")).singleElement().asString()
                .contains("not authorized to perform: dynamodb:DescribeTable");
    }

    @Test
    void aServerThatIsNotAStoreIsAnErrorOnTheEndpoint() throws IOException {
        store = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        store.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        store.start();

        assertThat(validate().get("aws.endpoint.override")).singleElement().asString()
                .contains("answered HTTP 404 without a DynamoDB error");
    }

    private Map<String, List<String>> validate() {
        Map<String, String> props = Map.of("tables", "orders,shipments", "aws.region", "us-east-1",
                "aws.endpoint.override", "http://127.0.0.1:" + store.getAddress().getPort(),
                "aws.credentials.provider", "static", "aws.access.key.id", "AKIAEXAMPLE",
                "aws.secret.access.key", SECRET);
        Config basic = new Config(DynamoDbStreamsSourceConfig.configDef().validate(props));
        return SourceConnectorValidationTest.errors(SourceConnectorValidation.validate(basic, props));
    }

    private static HttpServer rejecting(int status, String type, String message) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = ("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
