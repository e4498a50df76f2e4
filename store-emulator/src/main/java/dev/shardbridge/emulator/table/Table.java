package dev.shardbridge.emulator.table;

import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.KeySchema;
import java.util.Map;
import java.util.NavigableMap;

/** A live table: its current definition and its items. */
public final class Table {
    private volatile TableDefinition definition;
    private final TableItems items = new TableItems();
    private final ItemChangeListener listener;
    private volatile LatestStream latestStream;

    Table(TableDefinition definition, ItemChangeListener listener) {
        this.definition = definition;
        this.listener = listener;
    }

    public TableDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    public KeySchema keySchema() {
        return definition.keySchema();
    }

    /** The newest stream this table has had, or null if it never had one. */
    public LatestStream latestStream() {
        return latestStream;
    }

    public void latestStream(LatestStream stream) {
        this.latestStream = stream;
    }

    void redefine(TableDefinition newDefinition) {
        this.definition = newDefinition;
    }

    /** The storage key of an item or key map that has already been validated against the schema. */
    public ItemKey keyOf(Map<String, AttributeValue> keyOrItem) {
        KeySchema schema = keySchema();
        return ItemKey.of(keyOrItem.get(schema.partitionKey()),
                schema.hasSortKey() ? keyOrItem.get(schema.sortKey()) : null);
    }

    public StoredItem get(ItemKey key) {
        return items.get(key);
    }

    /** Applies one atomic write to one item (see {@link ItemWrite}). */
    public WriteOutcome write(ItemKey key, ItemWrite write) {
        return items.write(this, key, write, listener);
    }

    /**
     * The item as of the last write whose listeners have returned, read under the item's lock: a
     * snapshot of the durable log reads items this way so it never holds a change the log lacks.
     */
    public StoredItem settledItem(ItemKey key) {
        return items.getSettled(key);
    }

    /** Recovery: puts, or with null removes, an item as the durable log says, telling no listener. */
    public void restoreItem(ItemKey key, StoredItem item) {
        items.restore(key, item);
    }

    /** All items in key order; a weakly consistent live view. */
    public NavigableMap<ItemKey, StoredItem> items() {
        return items.view();
    }

    public long itemCount() {
        return items.count();
    }

    public long sizeBytes() {
        return items.sizeBytes();
    }
}
