package dev.shardbridge.emulator.stream;

import dev.shardbridge.emulator.error.DynamoDbException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A shard iterator: where a reader stands in a shard, when the iterator was issued (they expire) and
 * which reader chain it belongs to (for the readers-per-shard limit). Self-contained and opaque to
 * clients, so the server keeps no per-iterator state.
 */
public record ShardIterator(String streamArn, String shardId, long position, long issuedAtMillis, long readerId) {
    private static final String VERSION = "sb1";

    public String encode() {
        String plain = String.join("|", VERSION, streamArn, shardId, Long.toString(position),
                Long.toString(issuedAtMillis), Long.toString(readerId));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The same position and reader, issued anew (each GetRecords answer restarts the expiry clock). */
    public ShardIterator next(long newPosition, long nowMillis) {
        return new ShardIterator(streamArn, shardId, newPosition, nowMillis, readerId);
    }

    public static ShardIterator decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 6 || !parts[0].equals(VERSION)) {
                throw invalid();
            }
            return new ShardIterator(parts[1], parts[2], Long.parseLong(parts[3]), Long.parseLong(parts[4]),
                    Long.parseLong(parts[5]));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static DynamoDbException invalid() {
        return DynamoDbException.validation("Invalid ShardIterator");
    }
}
