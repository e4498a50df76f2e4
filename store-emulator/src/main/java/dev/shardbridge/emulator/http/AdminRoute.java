package dev.shardbridge.emulator.http;

/**
 * Serves the emulator's own HTTP API under {@link #PREFIX}, beside the AWS protocol on {@code POST /}.
 */
public interface AdminRoute {
    String PREFIX = "/shardbridge/";

    AdminRoute NONE = (method, path, body) -> new ApiResponse(404, "application/json",
            "{\"message\":\"no admin API in this emulator\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    /** Answers one admin request; {@code path} starts with {@link #PREFIX} and has no query string. */
    ApiResponse handle(String method, String path, byte[] body);
}
