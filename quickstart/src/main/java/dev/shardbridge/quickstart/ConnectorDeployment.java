package dev.shardbridge.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connector from the JSON users copy ({@code config/*.json}, {"name", "config"}), deployed through the
 * Connect REST API with only the emulator's endpoint filled in, as a user would edit it.
 */
record ConnectorDeployment(String name, Map<String, String> config) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ENDPOINT_KEY = "aws.endpoint.override";

    static ConnectorDeployment fromFile(Path json, URI emulatorEndpoint) {
        try {
            JsonNode request = JSON.readTree(json.toFile());
            Map<String, String> config = new LinkedHashMap<>();
            request.get("config").properties().forEach(field -> config.put(field.getKey(), field.getValue().asText()));
            config.put(ENDPOINT_KEY, emulatorEndpoint.toString());
            return new ConnectorDeployment(request.get("name").asText(), Map.copyOf(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connector JSON " + json, e);
        }
    }

    /**
     * Creates or updates the connector. A worker that has just started may still be joining its group (409,
     * 5xx), so those answers are retried until the deadline; a 400 is a configuration the worker refused.
     */
    void submit(ConnectRest rest, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        ConnectRest.Response response = rest.putConnectorConfig(name, config);
        while (!response.ok()) {
            if (response.status() == 400 || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Connect refused connector " + name + " (HTTP " + response.status()
                        + "): " + response.message());
            }
            Thread.sleep(250);
            response = rest.putConnectorConfig(name, config);
        }
    }

    /** Waits until the connector and at least one of its tasks run; fails at once when one has failed. */
    void awaitRunning(ConnectRest rest, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            ConnectRest.Response status = rest.connectorStatus(name);
            if (status.ok()) {
                JsonNode body = status.body();
                String connectorState = body.path("connector").path("state").asText();
                failIfFailed(connectorState, body.path("connector").path("trace").asText());
                for (JsonNode task : body.path("tasks")) {
                    failIfFailed(task.path("state").asText(), task.path("trace").asText());
                }
                if ("RUNNING".equals(connectorState) && body.path("tasks").size() > 0) {
                    return;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("connector " + name + " did not start running: " + status.body());
            }
            Thread.sleep(200);
        }
    }

    private void failIfFailed(String state, String trace) {
        if ("FAILED".equals(state)) {
            throw new IllegalStateException("connector " + name + " failed: " + firstLine(trace));
        }
    }

    private static String firstLine(String trace) {
        int end = trace.indexOf('\n');
        return end < 0 ? trace : trace.substring(0, end);
    }

    /**
     * Whether the source scans its tables before streaming them: {@code start.position=snapshot} with a
     * {@code snapshot.mode} other than {@code never}.
     */
    boolean snapshots() {
        return "snapshot".equalsIgnoreCase(config.get("start.position"))
                && !"never".equalsIgnoreCase(config.get("snapshot.mode"));
    }

    /** The tombstone setting the source uses; it decides how many Kafka records a delete makes. */
    boolean tombstonesOnDelete() {
        return Boolean.parseBoolean(config.getOrDefault("tombstones.on.delete", "true"));
    }
}
