package dev.shardbridge.emulator.http;

/**
 * A response before it is put on the wire.
 *
 * @param status      HTTP status
 * @param contentType the body's media type
 * @param body        the body bytes
 */
public record ApiResponse(int status, String contentType, byte[] body) {
}
