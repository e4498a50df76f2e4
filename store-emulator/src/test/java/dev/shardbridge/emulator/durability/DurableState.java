package dev.shardbridge.emulator.durability;

import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.KeySchema;
import dev.shardbridge.emulator.stream.EventName;
import dev.shardbridge.emulator.stream.SequenceNumbers;
import dev.shardbridge.emulator.stream.ShardState;
import dev.shardbridge.emulator.stream.StreamCatalog;
import dev.shardbridge.emulator.stream.StreamSettings;
import dev.shardbridge.emulator.stream.StreamRecord;
import dev.shardbridge.emulator.stream.StreamState;
import dev.shardbridge.emulator.stream.TableStream;
import dev.shardbridge.emulator.stream.TableStreamsState;
import dev.shardbridge.emulator.table.BillingMode;
import dev.shardbridge.emulator.table.ItemKey;
import dev.shardbridge.emulator.table.LatestStream;
import dev.shardbridge.emulator.table.ProvisionedThroughput;
import dev.shardbridge.emulator.table.ServiceIdentity;
import dev.shardbridge.emulator.table.StoredItem;
import dev.shardbridge.emulator.table.StreamSpecification;
import dev.shardbridge.emulator.table.StreamViewType;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableCatalog;
import dev.shardbridge.emulator.table.TableDefinition;
import dev.shardbridge.emulator.time.EmulatorClock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The emulator's state on a data directory, wired as {@code StoreEmulator} wires it but without HTTP,
 * so tests can write directly, force compactions and compare everything there is to compare.
 */
final class DurableState implements AutoCloseable {
    final EmulatorClock clock;
    final SequenceNumbers sequences = new SequenceNumbers(0);
    final DataDirectoryPersistence persistence;
    final StreamCatalog streams;
    final TableCatalog tables;

    private DurableState(Durability durability, StreamSettings settings, Clock baseClock) {
        clock = new EmulatorClock(baseClock);
        persistence = (DataDirectoryPersistence) Persistence.open(durability, clock, sequences);
        streams = new StreamCatalog(clock, settings, ServiceIdentity.DEFAULT, sequences, persistence.journal());
        tables = new TableCatalog(streams, persistence.lifecycle(streams));
        persistence.recover(tables, streams);
    }

    static DurableState open(Durability durability) {
        return new DurableState(durability, StreamSettings.AWS, Clock.systemUTC());
    }

    /** With a base clock of the test's choosing, e.g. a fixed one only {@code clock.advance} moves. */
    static DurableState open(Durability durability, StreamSettings settings, Clock baseClock) {
        return new DurableState(durability, settings, baseClock);
    }

    Table create(String name, StreamViewType view) {
        Map<String, AttributeType> attributes = new LinkedHashMap<>();
        attributes.put("pk", AttributeType.S);
        attributes.put("sk", AttributeType.N);
        return tables.create(TableDefinition.created(name, ServiceIdentity.DEFAULT.tableArn(name),
                UUID.randomUUID().toString(), new KeySchema("pk", AttributeType.S, "sk", AttributeType.N), attributes,
                BillingMode.PAY_PER_REQUEST, ProvisionedThroughput.ON_DEMAND,
                view == null ? StreamSpecification.DISABLED : new StreamSpecification(true, view), clock.instant()));
    }

    void put(String table, Map<String, AttributeValue> item) {
        Table target = tables.require(table);
        target.write(target.keyOf(item), current -> item);
    }

    void delete(String table, String pk, long sk) {
        Table target = tables.require(table);
        target.write(ItemKey.of(new AttributeValue.StringValue(pk), AttributeValue.NumberValue.parse(Long.toString(sk))),
                current -> null);
    }

    void setStream(String table, StreamViewType view) {
        tables.redefine(table, definition -> definition.withStream(
                view == null ? StreamSpecification.DISABLED : new StreamSpecification(true, view)));
    }

    /** A table as everything reads it. */
    record TableView(TableDefinition definition, Map<ItemKey, StoredItem> items, long itemCount, long sizeBytes,
                     LatestStream latestStream, TableStreamsState streams) {
    }

    /** Everything: tables, every stream (its structure, then its shards' records), the partition overrides. */
    record View(Map<String, TableView> tables, Map<String, StreamState> streams,
                Map<String, List<RecordFields>> records, Map<String, Integer> overrides) {
    }

    /** A stream record's content, comparable with equals (records cache their JSON, which is not state). */
    record RecordFields(String eventId, EventName eventName, long sequence, long createdAtMillis,
                        Map<String, AttributeValue> keys, Map<String, AttributeValue> newImage,
                        Map<String, AttributeValue> oldImage, int sizeBytes, StreamViewType viewType, String region) {
        static RecordFields of(StreamRecord record) {
            return new RecordFields(record.eventId(), record.eventName(), record.sequenceNumber(),
                    record.createdAtMillis(), record.keys(), record.newImage(), record.oldImage(), record.sizeBytes(),
                    record.viewType(), record.region());
        }
    }

    View view() {
        Map<String, TableView> tableViews = new TreeMap<>();
        for (String name : tables.names()) {
            Table table = tables.require(name);
            tableViews.put(name, new TableView(table.definition(), new TreeMap<>(table.items()), table.itemCount(),
                    table.sizeBytes(), table.latestStream(), streams.require(name).state()));
        }
        Map<String, StreamState> streamViews = new TreeMap<>();
        Map<String, List<RecordFields>> records = new TreeMap<>();
        for (TableStream stream : streams.registry().list(null, null)) {
            StreamState state = stream.state(true);
            List<ShardState> shards = new ArrayList<>();
            for (ShardState shard : state.shards()) {
                records.put(stream.arn() + " " + shard.id(), shard.records().stream().map(RecordFields::of).toList());
                shards.add(new ShardState(shard.id(), shard.parentId(), shard.range(), shard.startingSequence(),
                        shard.createdAtMillis(), shard.endingSequence(), shard.closedAtMillis(), shard.trimHorizon(),
                        shard.lastTrimmedSequence(), List.of()));
            }
            streamViews.put(stream.arn(), new StreamState(state.arn(), state.label(), state.tableName(),
                    state.keySchema(), state.viewType(), state.createdAtMillis(), state.status(),
                    state.disabledAtMillis(), shards));
        }
        return new View(tableViews, streamViews, records, streams.partitionOverrides());
    }

    static Map<String, AttributeValue> item(String pk, long sk, String payload) {
        return Map.of("pk", new AttributeValue.StringValue(pk),
                "sk", AttributeValue.NumberValue.parse(Long.toString(sk)),
                "payload", new AttributeValue.StringValue(payload),
                "tags", new AttributeValue.StringSetValue(new java.util.LinkedHashSet<>(List.of("a", payload))));
    }

    @Override
    public void close() {
        persistence.close();
    }
}
