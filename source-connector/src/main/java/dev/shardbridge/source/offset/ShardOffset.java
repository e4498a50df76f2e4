package dev.shardbridge.source.offset;

import org.apache.kafka.connect.errors.ConnectException;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A shard's position, the only state the source keeps: the last sequence number emitted (reading resumes
 * {@code AFTER_SEQUENCE_NUMBER}) and whether the shard is drained, which is what releases its children.
 *
 * @param partition      the shard
 * @param sequenceNumber the last emitted sequence number; null only for a shard drained before emitting anything
 * @param drained        the shard is closed and every record in it was emitted
 * @param skipped        the shard was already closed when first positioned at {@code start.position=latest}, so
 *                       none of it was read; its children then start at {@code latest} too instead of replaying
 *                       their history (see {@code ShardStart})
 */
public record ShardOffset(ShardPartition partition, String sequenceNumber, boolean drained, boolean skipped) {

    public static final String SEQUENCE_NUMBER_KEY = "sequence_number";
    public static final String DRAINED_KEY = "drained";
    public static final String SKIPPED_KEY = "skipped";

    /** Sequence numbers are decimal strings; AWS documents 21 to 40 digits, DynamoDB Local uses fewer. */
    private static final Pattern SEQUENCE_NUMBER = Pattern.compile("[0-9]{1,40}");

    public ShardOffset {
        Objects.requireNonNull(partition, "partition");
        if (sequenceNumber == null && !drained) {
            throw new ConnectException("Offset of " + describe(partition) + " needs '" + SEQUENCE_NUMBER_KEY
                    + "' unless '" + DRAINED_KEY + "' is true");
        }
        if (skipped && (!drained || sequenceNumber != null)) {
            throw new ConnectException("Offset of " + describe(partition) + " has '" + SKIPPED_KEY
                    + "' true, which is only valid for a drained shard without '" + SEQUENCE_NUMBER_KEY + "'");
        }
        if (sequenceNumber != null && !SEQUENCE_NUMBER.matcher(sequenceNumber).matches()) {
            throw new ConnectException("Offset '" + SEQUENCE_NUMBER_KEY + "' of " + describe(partition)
                    + " must be 1-40 decimal digits, got '" + sequenceNumber + "'");
        }
    }

    /** The position after emitting the record with {@code sequenceNumber}. */
    public static ShardOffset after(ShardPartition partition, String sequenceNumber) {
        return new ShardOffset(partition, sequenceNumber, false, false);
    }

    /** A shard read to its end; {@code lastSequenceNumber} is null when it held nothing to emit. */
    public static ShardOffset drained(ShardPartition partition, String lastSequenceNumber) {
        return new ShardOffset(partition, lastSequenceNumber, true, false);
    }

    /** A shard that was closed before {@code start.position=latest} reached it: nothing of it was read. */
    public static ShardOffset skipped(ShardPartition partition) {
        return new ShardOffset(partition, null, true, true);
    }

    /** The same position, marked drained once the shard is closed and read to its end. */
    public ShardOffset asDrained() {
        return new ShardOffset(partition, sequenceNumber, true, false);
    }

    public Optional<String> lastSequenceNumber() {
        return Optional.ofNullable(sequenceNumber);
    }

    /** The Connect offset map; the partition map is {@link ShardPartition#toMap()}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new HashMap<>();
        if (sequenceNumber != null) {
            map.put(SEQUENCE_NUMBER_KEY, sequenceNumber);
        }
        map.put(DRAINED_KEY, drained);
        if (skipped) {
            map.put(SKIPPED_KEY, true);
        }
        return Map.copyOf(map);
    }

    /** Reads an offset as Connect stored it, or as a user gave it to {@code alterOffsets}. */
    public static ShardOffset fromMap(ShardPartition partition, Map<String, ?> map) {
        Objects.requireNonNull(partition, "partition");
        if (map == null) {
            throw new ConnectException("Offset of " + describe(partition) + " is missing");
        }
        String what = "offset of " + describe(partition);
        OffsetMaps.rejectUnknownKeys(what, map, Set.of(SEQUENCE_NUMBER_KEY, DRAINED_KEY, SKIPPED_KEY));
        return new ShardOffset(partition, OffsetMaps.string(what, map, SEQUENCE_NUMBER_KEY),
                OffsetMaps.flag(what, map, DRAINED_KEY), OffsetMaps.flag(what, map, SKIPPED_KEY));
    }

    private static String describe(ShardPartition partition) {
        return partition.table() + "/" + partition.shardId();
    }
}
