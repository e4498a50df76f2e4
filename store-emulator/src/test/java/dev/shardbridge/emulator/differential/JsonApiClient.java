package dev.shardbridge.emulator.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends DynamoDB JSON 1.0 requests as written, without an SDK in between, so the suite compares exactly
 * what each server answers to exactly the same bytes, including requests no SDK would send.
 */
final class JsonApiClient {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * DynamoDB Local wants an Authorization header to be present (it does not check the signature);
     * the emulator ignores it unless asked to require authentication.
     */
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=differential/20250101/us-east-1/"
            + "dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0";

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    JsonApiClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** What a server answered: the HTTP status and the JSON body. */
    record Answer(int status, ObjectNode body) {
        boolean isError() {
            return status != 200;
        }
    }

    Answer call(String operation, JsonNode request) {
        HttpRequest httpRequest = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Date", "20250101T000000Z")
                .header("Authorization", AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                .build();
        try {
            HttpResponse<String> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
            if (!body.isObject()) {
                throw new AssertionError(operation + " answered a non-object body: " + response.body());
            }
            return new Answer(response.statusCode(), (ObjectNode) body);
        } catch (IOException e) {
            throw new AssertionError(operation + " failed on " + endpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
