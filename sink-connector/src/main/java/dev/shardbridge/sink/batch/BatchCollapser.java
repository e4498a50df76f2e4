package dev.shardbridge.sink.batch;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.sink.guard.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Collapses the changes to one item within a batch to the last one by source position.
 *
 * <p>Every write replaces the whole item, so only the newest change of a key matters; writing the
 * others would cost capacity and, in one BatchWriteItem, is refused outright (no duplicate keys).
 * Ties (a redelivered change) keep the later record. Items are told apart by source table and key,
 * so equal keys from two tables are not merged.
 */
public final class BatchCollapser {

    private BatchCollapser() {
    }

    /** The newest change per item, in the order each item first appeared in {@code changes}. */
    public static List<ChangeEvent> collapse(List<ChangeEvent> changes) {
        Map<ItemIdentity, ChangeEvent> newest = new LinkedHashMap<>();
        for (ChangeEvent change : changes) {
            newest.merge(ItemIdentity.of(change), change, BatchCollapser::newer);
        }
        return List.copyOf(new ArrayList<>(newest.values()));
    }

    private static ChangeEvent newer(ChangeEvent kept, ChangeEvent candidate) {
        return SourcePosition.of(kept).isAfter(SourcePosition.of(candidate)) ? kept : candidate;
    }

    private record ItemIdentity(String table, Map<String, AttributeValue> key) {
        static ItemIdentity of(ChangeEvent change) {
            return new ItemIdentity(change.source().table(), change.key());
        }
    }
}
