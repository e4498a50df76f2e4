package dev.shardbridge.emulator.table;

/**
 * Told of every item change, inside the item's lock, so that the order it sees per item is the order
 * of the writes. Change streams and the durable log hang off this.
 */
@FunctionalInterface
public interface ItemChangeListener {
    ItemChangeListener NONE = (table, key, outcome) -> { };

    void onChange(Table table, ItemKey key, WriteOutcome outcome);
}
