package dev.shardbridge.emulator.table;

import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.ScalarOrder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The position of an item in a table: the hash token of its partition key (which decides the hash
 * partition, the Scan order and parallel Scan segments), then the partition key, then the sort key.
 * Bound markers sort before or after every real sort key of a partition, for range reads.
 */
public final class ItemKey implements Comparable<ItemKey> {
    private static final int BEFORE_ALL = -1;
    private static final int EXACT = 0;
    private static final int AFTER_ALL = 1;
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(ItemKey::md5);

    private final long token;
    private final AttributeValue partition;
    private final AttributeValue sort;
    private final int bound;

    private ItemKey(long token, AttributeValue partition, AttributeValue sort, int bound) {
        this.token = token;
        this.partition = partition;
        this.sort = sort;
        this.bound = bound;
    }

    /** The key of an item; {@code sort} is null for tables without a sort key. */
    public static ItemKey of(AttributeValue partition, AttributeValue sort) {
        return new ItemKey(tokenOf(partition), partition, sort, EXACT);
    }

    /** Sorts before every item of the partition. */
    public static ItemKey firstOf(AttributeValue partition) {
        return new ItemKey(tokenOf(partition), partition, null, BEFORE_ALL);
    }

    /** Sorts after every item of the partition. */
    public static ItemKey lastOf(AttributeValue partition) {
        return new ItemKey(tokenOf(partition), partition, null, AFTER_ALL);
    }

    /** Sorts before every item whose token is at least {@code token} (unsigned). */
    public static ItemKey firstOfToken(long token) {
        return new ItemKey(token, null, null, BEFORE_ALL);
    }

    public long token() {
        return token;
    }

    public AttributeValue partition() {
        return partition;
    }

    public AttributeValue sort() {
        return sort;
    }

    /**
     * A 64-bit token from the MD5 of the partition key's type and bytes: uniform over the unsigned
     * range, stable across restarts and JVMs, so partitions and Scan order are deterministic.
     */
    static long tokenOf(AttributeValue partition) {
        byte[] bytes = switch (partition.type()) {
            case S -> ((AttributeValue.StringValue) partition).value().getBytes(StandardCharsets.UTF_8);
            case N -> ((AttributeValue.NumberValue) partition).text().getBytes(StandardCharsets.US_ASCII);
            case B -> ((AttributeValue.BinaryValue) partition).value().toByteArray();
            default -> throw new IllegalArgumentException("not a key type: " + partition.type());
        };
        MessageDigest digest = MD5.get();
        digest.update((byte) partition.type().ordinal());
        return ByteBuffer.wrap(digest.digest(bytes)).getLong();
    }

    @Override
    public int compareTo(ItemKey other) {
        int c = Long.compareUnsigned(token, other.token);
        if (c != 0) {
            return c;
        }
        if (partition == null || other.partition == null) {
            return compareBounds(partition == null ? bound : EXACT, other.partition == null ? other.bound : EXACT,
                    partition == null);
        }
        c = ScalarOrder.compare(partition, other.partition);
        if (c != 0) {
            return c;
        }
        if (bound != EXACT || other.bound != EXACT) {
            return Integer.compare(bound, other.bound);
        }
        return sort == null ? 0 : ScalarOrder.compare(sort, other.sort);
    }

    /** Token-only keys are range markers: they sort before (or after) everything with their token. */
    private static int compareBounds(int mine, int theirs, boolean mineIsMarker) {
        if (mineIsMarker) {
            return mine == BEFORE_ALL ? -1 : 1;
        }
        return theirs == BEFORE_ALL ? 1 : -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemKey other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(token) * 31 + (sort == null ? 0 : sort.hashCode());
    }

    @Override
    public String toString() {
        return "ItemKey[" + Long.toUnsignedString(token, 16) + ", " + partition + ", " + sort + "]";
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships MD5", e);
        }
    }
}
