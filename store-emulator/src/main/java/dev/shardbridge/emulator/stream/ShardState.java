package dev.shardbridge.emulator.stream;

import java.util.List;

/**
 * A shard as the durable log records it: everything about it but its readers, and its readable
 * records when a snapshot asks for them. Restoring it reproduces the same shard iterator positions.
 *
 * @param endingSequence      the last sequence number of a closed shard, or -1 while open
 * @param closedAtMillis      when it closed, or -1 while open
 * @param trimHorizon         the position of the first readable record
 * @param lastTrimmedSequence the newest trimmed record's sequence number, or -1
 * @param records             the readable records from {@code trimHorizon} on; empty when not asked for
 */
public record ShardState(String id, String parentId, HashRange range, long startingSequence, long createdAtMillis,
                         long endingSequence, long closedAtMillis, long trimHorizon, long lastTrimmedSequence,
                         List<StreamRecord> records) {

    public ShardState {
        records = List.copyOf(records);
    }
}
