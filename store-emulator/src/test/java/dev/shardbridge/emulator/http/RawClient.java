package dev.shardbridge.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends hand-made HTTP requests, bypassing any SDK, so tests can send what no SDK would: broken JSON,
 * wrong headers, oversized bodies.
 */
final class RawClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI endpoint;

    RawClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** One response: status, headers of interest and the parsed body (null when not JSON). */
    record Answer(int status, String contentType, String crc32, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String errorType() {
            String type = json().path("__type").asText();
            return type.substring(type.indexOf('#') + 1);
        }
    }

    Answer post(String target, String contentType, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        if (target != null) {
            connection.setRequestProperty("X-Amz-Target", target);
        }
        if (contentType != null) {
            connection.setRequestProperty("Content-Type", contentType);
        }
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        } catch (IOException e) {
            // The server may answer and close before reading an oversized body; read the answer anyway.
        }
        return read(connection);
    }

    Answer post(String operation, String json) throws IOException {
        return post("DynamoDB_20120810." + operation, "application/x-amz-json-1.0",
                json.getBytes(StandardCharsets.UTF_8));
    }

    Answer get() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
        return read(connection);
    }

    private static Answer read(HttpURLConnection connection) throws IOException {
        int status = connection.getResponseCode();
        InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(status, connection.getContentType(), connection.getHeaderField("x-amz-crc32"), body);
    }
}
