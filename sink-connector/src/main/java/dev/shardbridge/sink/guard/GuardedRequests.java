package dev.shardbridge.sink.guard;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Builds the conditional writes that make replay idempotent and order-insensitive.
 *
 * <p>Every change becomes a whole-item put conditioned on "the target has no version yet, or an
 * older one". A put therefore wins only over older state, a replayed or stale change fails its
 * condition (which the writer counts as already applied), and the item's final state is that of
 * its newest change whatever order the changes arrive in.
 *
 * <p>A delete is written as a tombstone, not removed: an item holding only the key, the version
 * and the tombstone flag. Removing the item would also remove its version, and a late put of an
 * older image would then pass the "no version yet" branch and resurrect the item. Tombstones may
 * carry an expiry attribute ({@link TombstoneExpiry}) so DynamoDB TTL purges them once no late
 * change can arrive any more; a put leaves the image's own attributes alone, including one of
 * that name, because it may be the user's own TTL attribute.
 */
public final class GuardedRequests {

    static final String VERSION_NAME = "#version";
    static final String VERSION_VALUE = ":version";
    static final String CONDITION = "attribute_not_exists(" + VERSION_NAME + ") OR " + VERSION_NAME + " < " + VERSION_VALUE;

    private final String versionAttribute;
    private final String tombstoneAttribute;
    private final Optional<TombstoneExpiry> tombstoneExpiry;

    public GuardedRequests(String versionAttribute, String tombstoneAttribute) {
        this(versionAttribute, tombstoneAttribute, Optional.empty());
    }

    /**
     * @param tombstoneExpiry when present, tombstones carry an expiry attribute for DynamoDB TTL
     */
    public GuardedRequests(String versionAttribute, String tombstoneAttribute,
                           Optional<TombstoneExpiry> tombstoneExpiry) {
        this.tombstoneExpiry = Objects.requireNonNull(tombstoneExpiry, "tombstoneExpiry");
        this.versionAttribute = Objects.requireNonNull(versionAttribute, "versionAttribute");
        this.tombstoneAttribute = Objects.requireNonNull(tombstoneAttribute, "tombstoneAttribute");
        if (versionAttribute.equals(tombstoneAttribute)) {
            throw new IllegalArgumentException("Version and tombstone attributes must differ: " + versionAttribute);
        }
    }

    /** The guarded write for {@code event} into {@code table}: a put for c/u/r, a tombstone for d. */
    public PutItemRequest forChange(String table, ChangeEvent event) {
        if (event.op() == Operation.DELETE) {
            return tombstone(table, event);
        }
        if (event.after() == null) {
            throw new IllegalArgumentException("A '" + event.op().code() + "' change needs a new image");
        }
        return put(table, event.after(), SourcePosition.of(event));
    }

    /** Puts the full new image, stamped with its position; clears any tombstone by replacing the item. */
    public PutItemRequest put(String table, Map<String, AttributeValue> image, SourcePosition position) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(image);
        // An image that happens to carry our attributes (a replica of a replica) must not keep them.
        item.remove(tombstoneAttribute);
        item.put(versionAttribute, version(position));
        return guarded(table, item, position);
    }

    /** Replaces the item with a tombstone that keeps the delete's position. */
    public PutItemRequest tombstone(String table, ChangeEvent event) {
        SourcePosition position = SourcePosition.of(event);
        Map<String, AttributeValue> item = new LinkedHashMap<>(event.key());
        item.put(versionAttribute, version(position));
        item.put(tombstoneAttribute, AttributeValue.fromBool(true));
        tombstoneExpiry.ifPresent(expiry -> item.put(expiry.attribute(), expiry.expiresAt()));
        return guarded(table, item, position);
    }

    /** True if {@code item} (as read from the target) is a tombstone, which readers treat as absent. */
    public boolean isTombstone(Map<String, AttributeValue> item) {
        AttributeValue flag = item.get(tombstoneAttribute);
        return flag != null && Boolean.TRUE.equals(flag.bool());
    }

    private PutItemRequest guarded(String table, Map<String, AttributeValue> item, SourcePosition position) {
        return PutItemRequest.builder()
                .tableName(table)
                .item(item)
                .conditionExpression(CONDITION)
                .expressionAttributeNames(Map.of(VERSION_NAME, versionAttribute))
                .expressionAttributeValues(Map.of(VERSION_VALUE, version(position)))
                .build();
    }

    private static AttributeValue version(SourcePosition position) {
        return AttributeValue.fromS(position.versionValue());
    }
}
