package dev.shardbridge.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The few Connect REST calls the quickstart needs, with Java's HTTP client. */
final class ConnectRest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }

        String message() {
            return body.has("message") ? body.get("message").asText() : body.toString();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    ConnectRest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Creates or updates a connector: {@code PUT /connectors/<name>/config}, idempotent. */
    Response putConnectorConfig(String name, Map<String, String> config) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/connectors/" + name + "/config"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config))));
    }

    Response connectorStatus(String name) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/connectors/" + name + "/status")).GET());
    }

    /** The connector's committed offsets: {@code GET /connectors/<name>/offsets}, {"offsets": [{partition, offset}]}. */
    Response connectorOffsets(String name) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/connectors/" + name + "/offsets")).GET());
    }

    Response plugins() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/connector-plugins?connectorsOnly=false")).GET());
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Response(response.statusCode(), body == null || body.isBlank()
                ? JSON.createObjectNode() : JSON.readTree(body));
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }
}
