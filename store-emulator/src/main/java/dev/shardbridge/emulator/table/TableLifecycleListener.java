package dev.shardbridge.emulator.table;

/** Told when tables come and go or change their definition, so streams can follow. */
public interface TableLifecycleListener {
    TableLifecycleListener NONE = new TableLifecycleListener() { };

    default void tableCreated(Table table) {
    }

    default void tableUpdated(Table table, TableDefinition before) {
    }

    default void tableDeleted(Table table) {
    }
}
