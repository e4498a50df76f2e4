package dev.shardbridge.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where a change came from: the envelope's {@code source} block. The shard and sequence number
 * are the change's position in the stream; the sink uses them to order changes per item.
 *
 * @param connector               the producing connector's name, e.g. {@code dynamodb}
 * @param version                 the producing connector's version
 * @param table                   the table name
 * @param streamArn               the stream's ARN; null for snapshot reads without a stream
 * @param shardId                 the shard the record was read from; null for snapshot reads
 * @param sequenceNumber          the record's sequence number (a decimal string); null for snapshot reads
 * @param approximateCreationTime when the store made the change (snapshot: when the item was read);
 *                                kept to the millisecond because the envelope carries milliseconds
 * @param snapshot                true for snapshot reads
 */
public record SourceInfo(String connector, String version, String table, String streamArn, String shardId,
                         String sequenceNumber, Instant approximateCreationTime, boolean snapshot) {

    public SourceInfo {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(approximateCreationTime, "approximateCreationTime");
        approximateCreationTime = approximateCreationTime.truncatedTo(ChronoUnit.MILLIS);
    }
}
