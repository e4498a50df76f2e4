package dev.shardbridge.emulator.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** GetRecords over plain HTTP, reading the body as bytes: the server's share of a call's latency. */
final class RawGetRecords {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI endpoint;

    RawGetRecords(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Fetches one page; returns the body length. */
    int fetch(String iterator, int limit) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "DynamoDBStreams_20120810.GetRecords")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"ShardIterator\":\"" + iterator + "\",\"Limit\":" + limit + "}"))
                .build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GetRecords answered " + response.statusCode());
        }
        return response.body().length;
    }
}
