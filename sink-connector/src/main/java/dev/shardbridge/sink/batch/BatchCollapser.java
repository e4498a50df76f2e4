package dev.shardbridge.sink.batch;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.sink.guard.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Collapses the changes to one item within a batch to the last one by source position.
 *
 * <p>Every write replaces the whole item, so only the newest change of a key matters; writing the
 * others would cost capacity and, in one BatchWriteItem, is refused outright (no duplicate keys).
 * Ties (a redelivered change) keep the later record. Items are told apart by table and key, so
 * equal keys in two tables are not merged.
 */
public final class BatchCollapser {

    private BatchCollapser() {
    }

    /** The newest change per item of its source table, in the order each item first appeared. */
    public static List<ChangeEvent> collapse(List<ChangeEvent> changes) {
        return collapse(changes, change -> change, change -> change.source().table());
    }

    /**
     * The newest element per item, in the order each item first appeared in {@code elements}.
     *
     * @param change the change an element carries
     * @param table  the table an element is written to; elements for different tables never collapse
     */
    public static <T> List<T> collapse(List<T> elements, Function<T, ChangeEvent> change, Function<T, String> table) {
        Map<ItemIdentity, T> newest = new LinkedHashMap<>();
        for (T element : elements) {
            ItemIdentity identity = new ItemIdentity(table.apply(element), change.apply(element).key());
            newest.merge(identity, element, (kept, candidate) -> newer(kept, candidate, change));
        }
        return List.copyOf(new ArrayList<>(newest.values()));
    }

    private static <T> T newer(T kept, T candidate, Function<T, ChangeEvent> change) {
        return SourcePosition.of(change.apply(kept)).isAfter(SourcePosition.of(change.apply(candidate))) ? kept : candidate;
    }

    private record ItemIdentity(String table, Map<String, AttributeValue> key) {
    }
}
