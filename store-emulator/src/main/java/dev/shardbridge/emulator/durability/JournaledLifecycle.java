package dev.shardbridge.emulator.durability;

import dev.shardbridge.emulator.stream.StreamCatalog;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableDefinition;
import dev.shardbridge.emulator.table.TableLifecycleListener;

/**
 * The table lifecycle of a durable emulator: the streams follow the table first (enabling or disabling
 * a stream, which logs its structure), then the log records the table. So a logged table creation
 * carries the partitions and stream it was created with, and replay meets the stream's structure
 * before the table's items. Runs under the catalog's locks, before a new table is visible.
 */
final class JournaledLifecycle implements TableLifecycleListener {
    private final StreamCatalog streams;
    private final Journal journal;

    JournaledLifecycle(StreamCatalog streams, Journal journal) {
        this.streams = streams;
        this.journal = journal;
    }

    @Override
    public void tableCreated(Table table) {
        streams.tableCreated(table);
        journal.tableCreated(table, streams.require(table.name()));
    }

    @Override
    public void tableUpdated(Table table, TableDefinition before) {
        streams.tableUpdated(table, before);
        journal.tableUpdated(table);
    }

    @Override
    public void tableDeleted(Table table) {
        streams.tableDeleted(table);
        journal.tableDeleted(table);
    }
}
