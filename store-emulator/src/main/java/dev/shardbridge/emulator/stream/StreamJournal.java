package dev.shardbridge.emulator.stream;

import dev.shardbridge.emulator.table.ItemKey;
import dev.shardbridge.emulator.table.StoredItem;

/**
 * Hears every change to stream state in the order it happens, for durability. Calls come under the
 * table's {@link TableStreams} lock, so per table they are totally ordered; an implementation may
 * read the table it is given (its {@code state()}, its current stream) but must not call into any
 * other stream object, which could take locks in another order.
 */
public interface StreamJournal {
    StreamJournal NONE = new StreamJournal() {
        @Override
        public void itemChanged(TableStreams table, ItemKey key, StoredItem after, Shard shard, StreamRecord record) {
        }

        @Override
        public void structureChanged(TableStreams table) {
        }
    };

    /**
     * An item changed.
     *
     * @param after  the item after the change, or null when it was deleted
     * @param shard  the shard the change's record went to, or null when the table has no enabled stream
     * @param record the stream record, or null when the table has no enabled stream
     */
    void itemChanged(TableStreams table, ItemKey key, StoredItem after, Shard shard, StreamRecord record);

    /** Partitions or shards changed: a stream enabled or disabled, a split, a rollover. */
    void structureChanged(TableStreams table);

    /** New tables of this name will get {@code partitions} partitions (an admin setting). */
    default void partitionsOverridden(String tableName, int partitions) {
    }
}
