package dev.shardbridge.emulator.stream;

import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.table.ItemChangeListener;
import dev.shardbridge.emulator.table.ItemKey;
import dev.shardbridge.emulator.table.LatestStream;
import dev.shardbridge.emulator.table.ServiceIdentity;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableDefinition;
import dev.shardbridge.emulator.table.TableLifecycleListener;
import dev.shardbridge.emulator.table.WriteOutcome;
import dev.shardbridge.emulator.time.EmulatorClock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The change-stream side of the emulator: hears every item change and table lifecycle event and keeps
 * each table's partitions, shards and records. Retention is applied lazily, at most once a second, when
 * streams are read.
 */
public final class StreamCatalog implements ItemChangeListener, TableLifecycleListener {
    private final StreamContext context;
    private final ConcurrentHashMap<String, TableStreams> byTable = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> partitionOverrides = new ConcurrentHashMap<>();
    private final AtomicLong lastTrimMillis = new AtomicLong();

    public StreamCatalog(EmulatorClock clock, StreamSettings settings, ServiceIdentity identity,
                         SequenceNumbers sequences, StreamJournal journal) {
        this.context = new StreamContext(clock, sequences, settings, identity, new StreamRegistry(), journal);
    }

    public StreamSettings settings() {
        return context.settings();
    }

    public EmulatorClock clock() {
        return context.clock();
    }

    public StreamRegistry registry() {
        return context.registry();
    }

    @Override
    public void onChange(Table table, ItemKey key, WriteOutcome outcome) {
        TableStreams streams = byTable.get(table.name());
        // A write racing a DeleteTable may land after a table of the same name was re-created.
        if (streams != null && streams.tableId().equals(table.definition().id())) {
            streams.append(key, outcome);
        }
    }

    @Override
    public void tableCreated(Table table) {
        TableDefinition definition = table.definition();
        int partitions = partitionOverrides.getOrDefault(definition.name(), context.settings().defaultPartitions());
        TableStreams streams = new TableStreams(definition.name(), definition.id(), partitions, context);
        byTable.put(definition.name(), streams);
        if (definition.stream().enabled()) {
            enable(table, streams);
        }
    }

    /** Enables or disables the stream when UpdateTable changed it. */
    @Override
    public void tableUpdated(Table table, TableDefinition before) {
        TableStreams streams = require(table.name());
        TableDefinition after = table.definition();
        if (after.stream().enabled() && !before.stream().enabled()) {
            enable(table, streams);
        } else if (!after.stream().enabled() && before.stream().enabled()) {
            streams.disable();
        }
    }

    /** A deleted table's stream is disabled and stays readable until its records age out, as on AWS. */
    @Override
    public void tableDeleted(Table table) {
        TableStreams streams = byTable.remove(table.name());
        if (streams != null) {
            streams.disable();
        }
    }

    private static void enable(Table table, TableStreams streams) {
        TableStream stream = streams.enable(table.definition());
        table.latestStream(new LatestStream(stream.arn(), stream.label()));
    }

    /** The table's streams, or null for an unknown table. */
    public TableStreams streamsOf(String tableName) {
        return byTable.get(tableName);
    }

    public TableStreams require(String tableName) {
        TableStreams streams = byTable.get(tableName);
        if (streams == null) {
            throw DynamoDbException.resourceNotFound("Requested resource not found: Table: " + tableName
                    + " not found");
        }
        return streams;
    }

    /** Sets the partition count a table gets when it is created (from now on). */
    public void overridePartitions(String tableName, int partitions) {
        if (partitions < 1 || partitions > 1024) {
            throw new IllegalArgumentException("partitions must be 1..1024, was " + partitions);
        }
        // Logged inside compute, so that of two racing overrides the log keeps the one the map keeps.
        partitionOverrides.compute(tableName, (name, previous) -> {
            context.journal().partitionsOverridden(name, partitions);
            return partitions;
        });
    }

    /** The partition counts set per table name, for snapshots of the durable log. */
    public Map<String, Integer> partitionOverrides() {
        return Map.copyOf(partitionOverrides);
    }

    StreamContext context() {
        return context;
    }

    /** Recovery (see {@link StreamRestorer}): a table's streams rebuilt from the durable log. */
    void restoreStreams(TableStreams streams) {
        byTable.put(streams.tableName(), streams);
    }

    /** Recovery: a deleted table incarnation's streams leave; its streams stay readable in the registry. */
    void forgetStreams(String tableName, String tableId) {
        byTable.computeIfPresent(tableName, (name, streams) -> streams.tableId().equals(tableId) ? null : streams);
    }

    void restorePartitionOverride(String tableName, int partitions) {
        partitionOverrides.put(tableName, partitions);
    }

    /** Rolls shards that are due and applies retention; cheap enough to call on every stream read. */
    public void maintain() {
        long now = context.clock().millis();
        long last = lastTrimMillis.get();
        if (now - last < 1000 || !lastTrimMillis.compareAndSet(last, now)) {
            return;
        }
        byTable.values().forEach(TableStreams::maintain);
        context.registry().trim(now - context.settings().retention().toMillis());
    }

    /** Forces {@link #maintain()} to run now, e.g. after the clock was advanced. */
    public void maintainNow() {
        lastTrimMillis.set(0);
        maintain();
    }
}
