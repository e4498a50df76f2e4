package dev.shardbridge.emulator.table;

import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The items of one table in key order (token, partition key, sort key). Reads are lock-free; each
 * write runs under a lock striped by item key, so a conditional write never interleaves with another
 * write to the same item while writes to different items proceed in parallel.
 */
final class TableItems {
    private static final int STRIPES = 1024;

    private final ConcurrentSkipListMap<ItemKey, StoredItem> items = new ConcurrentSkipListMap<>();
    private final Object[] stripes = new Object[STRIPES];
    private final AtomicLong sizeBytes = new AtomicLong();

    TableItems() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    StoredItem get(ItemKey key) {
        return items.get(key);
    }

    NavigableMap<ItemKey, StoredItem> view() {
        return items;
    }

    long count() {
        return items.size();
    }

    long sizeBytes() {
        return sizeBytes.get();
    }

    /** Reads under the item's stripe lock: a write still telling its listener is waited for, not seen early. */
    StoredItem getSettled(ItemKey key) {
        synchronized (stripes[Math.floorMod(key.hashCode(), STRIPES)]) {
            return items.get(key);
        }
    }

    /** Recovery: puts, or with null removes, an item without a listener. */
    void restore(ItemKey key, StoredItem item) {
        StoredItem before = item == null ? items.remove(key) : items.put(key, item);
        sizeBytes.addAndGet((item == null ? 0 : item.sizeBytes()) - (before == null ? 0 : before.sizeBytes()));
    }

    WriteOutcome write(Table table, ItemKey key, ItemWrite write, ItemChangeListener listener) {
        synchronized (stripes[Math.floorMod(key.hashCode(), STRIPES)]) {
            StoredItem before = items.get(key);
            var attributes = write.apply(before);
            StoredItem after = attributes == null ? null : StoredItem.of(attributes);
            if (after == null) {
                if (before != null) {
                    items.remove(key);
                }
            } else {
                items.put(key, after);
            }
            sizeBytes.addAndGet((after == null ? 0 : after.sizeBytes()) - (before == null ? 0 : before.sizeBytes()));
            WriteOutcome outcome = new WriteOutcome(before, after);
            if (outcome.changed()) {
                listener.onChange(table, key, outcome);
            }
            return outcome;
        }
    }
}
