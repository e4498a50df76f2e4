package dev.shardbridge.sink.guard;

import dev.shardbridge.event.ChangeEvent;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A change's place in its item's history: the stream shard and sequence number it was read at.
 *
 * <p>Sequence numbers are decimal strings of 21 to 40 digits; they must be compared as numbers, so
 * "100" is after "99". Only the sequence number orders changes: DynamoDB gives every change of one
 * item a larger sequence number than the change before it, also when the item's later changes come
 * from a child shard after a split or rollover. The shard id is carried for diagnostics only.
 *
 * <p>The guard stores the position as a zero-padded string of {@value #VERSION_DIGITS} digits,
 * because DynamoDB compares strings byte by byte and numbers only to 38 digits: padding makes the
 * string order equal to the numeric order for every legal sequence number.
 *
 * @param shardId        the shard the change was read from, or null for a snapshot read
 * @param sequenceNumber the change's sequence number, digits only
 */
public record SourcePosition(String shardId, String sequenceNumber) implements Comparable<SourcePosition> {

    /** AWS documents sequence numbers as at most 40 characters. */
    static final int VERSION_DIGITS = 40;

    /**
     * Snapshot reads have no stream position. They rank below every stream change, so a snapshot
     * only fills in an item the stream has not written yet and never undoes a streamed change.
     */
    public static final SourcePosition SNAPSHOT = new SourcePosition(null, "0");

    public SourcePosition {
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        if (sequenceNumber.isEmpty() || !sequenceNumber.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("Sequence number '" + sequenceNumber + "' is not a decimal number");
        }
        sequenceNumber = stripLeadingZeros(sequenceNumber);
        if (sequenceNumber.length() > VERSION_DIGITS) {
            throw new IllegalArgumentException("Sequence number " + sequenceNumber + " has more than "
                    + VERSION_DIGITS + " digits");
        }
    }

    /** The position of {@code event}: its stream position, or {@link #SNAPSHOT} for a snapshot read. */
    public static SourcePosition of(ChangeEvent event) {
        String sequenceNumber = event.source().sequenceNumber();
        return sequenceNumber == null ? SNAPSHOT : new SourcePosition(event.source().shardId(), sequenceNumber);
    }

    /** The value stored in the version attribute: fixed width, so string order is numeric order. */
    public String versionValue() {
        return "0".repeat(VERSION_DIGITS - sequenceNumber.length()) + sequenceNumber;
    }

    @Override
    public int compareTo(SourcePosition other) {
        return new BigInteger(sequenceNumber).compareTo(new BigInteger(other.sequenceNumber));
    }

    public boolean isAfter(SourcePosition other) {
        return compareTo(other) > 0;
    }

    private static String stripLeadingZeros(String digits) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        return digits.substring(first);
    }
}
