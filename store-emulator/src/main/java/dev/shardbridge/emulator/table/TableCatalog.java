package dev.shardbridge.emulator.table;

import dev.shardbridge.emulator.error.DynamoDbException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The tables of one emulator, by name. */
public final class TableCatalog {
    private final ConcurrentHashMap<String, Table> tables = new ConcurrentHashMap<>();
    private final ItemChangeListener listener;
    private final TableLifecycleListener lifecycle;

    public TableCatalog(ItemChangeListener listener) {
        this(listener, TableLifecycleListener.NONE);
    }

    public TableCatalog(ItemChangeListener listener, TableLifecycleListener lifecycle) {
        this.listener = listener;
        this.lifecycle = lifecycle;
    }

    /** Creates a table, or fails with ResourceInUseException if the name is taken. */
    public Table create(TableDefinition definition) {
        // Listeners hear of a table before anyone can write to it, so they never see an item first.
        synchronized (tables) {
            if (tables.containsKey(definition.name())) {
                throw DynamoDbException.resourceInUse("Table already exists: " + definition.name());
            }
            Table table = new Table(definition, listener);
            lifecycle.tableCreated(table);
            tables.put(definition.name(), table);
            return table;
        }
    }

    /** The table, or ResourceNotFoundException with AWS's data-plane wording. */
    public Table require(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw DynamoDbException.resourceNotFound("Requested resource not found");
        }
        return table;
    }

    /** The table, or ResourceNotFoundException with AWS's control-plane wording. */
    public Table describe(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw DynamoDbException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        return table;
    }

    public Table delete(String name) {
        synchronized (tables) {
            Table table = tables.remove(name);
            if (table == null) {
                throw DynamoDbException.resourceNotFound("Requested resource not found: Table: " + name
                        + " not found");
            }
            lifecycle.tableDeleted(table);
            return table;
        }
    }

    /** Replaces a table's definition atomically with respect to other definition changes. */
    public Table redefine(String name, Function<TableDefinition, TableDefinition> change) {
        Table table = describe(name);
        synchronized (table) {
            TableDefinition before = table.definition();
            table.redefine(change.apply(before));
            lifecycle.tableUpdated(table, before);
        }
        return table;
    }

    /** The table of this name, or null. */
    public Table find(String name) {
        return tables.get(name);
    }

    /**
     * Recovery: the table as a replayed definition says, telling no listener. The same incarnation (table
     * id) keeps its items; another one is replaced by an empty table, as the re-creation replaced it.
     */
    public Table restore(TableDefinition definition) {
        return tables.compute(definition.name(), (name, existing) -> {
            if (existing != null && existing.definition().id().equals(definition.id())) {
                existing.redefine(definition);
                return existing;
            }
            return new Table(definition, listener);
        });
    }

    /** Recovery: removes the table if it is still this incarnation, telling no listener. */
    public void restoreDeleted(String name, String id) {
        tables.computeIfPresent(name, (key, table) -> table.definition().id().equals(id) ? null : table);
    }

    /** Table names in ascending order, as ListTables pages them. */
    public List<String> names() {
        return tables.keySet().stream().sorted().toList();
    }
}
