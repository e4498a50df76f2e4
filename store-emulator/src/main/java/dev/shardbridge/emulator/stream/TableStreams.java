package dev.shardbridge.emulator.stream;

import dev.shardbridge.emulator.table.ItemKey;
import dev.shardbridge.emulator.table.StoredItem;
import dev.shardbridge.emulator.table.TableDefinition;
import dev.shardbridge.emulator.table.WriteOutcome;
import dev.shardbridge.emulator.time.EmulatorClock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * The change streams of one table: its hash partitions, the current stream (when enabled) with one open
 * shard per partition, and every earlier stream that is still readable. All changes to shards happen
 * under this object's lock, so a record is never appended to a shard that a concurrent split or
 * rollover has just closed, and sequence numbers rise in append order within each shard.
 */
public final class TableStreams {
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final String tableName;
    private final String tableId;
    private final StreamContext context;
    private final List<HashRange> partitions;
    private final PartitionLoad load;
    private final List<Shard> openShards = new ArrayList<>();
    private TableStream current;
    private int shardCounter;

    TableStreams(String tableName, String tableId, int partitionCount, StreamContext context) {
        this.tableName = tableName;
        this.tableId = tableId;
        this.context = context;
        this.partitions = new ArrayList<>(HashRange.divide(partitionCount));
        this.load = new PartitionLoad(partitionCount);
    }

    public String tableName() {
        return tableName;
    }

    /** The id of the table incarnation these streams belong to. */
    public String tableId() {
        return tableId;
    }

    /** The table's hash partitions, in token order. */
    public synchronized List<HashRange> partitions() {
        return List.copyOf(partitions);
    }

    /** The current stream, enabled or the last disabled one; null if the table never had one. */
    public synchronized TableStream current() {
        return current;
    }

    /** Starts a new stream (a new ARN) with one open shard per partition. */
    synchronized TableStream enable(TableDefinition table) {
        long now = clock().millis();
        String label = uniqueLabel(now);
        TableStream stream = new TableStream(tableArn(label), label, tableName, table.keySchema(),
                table.stream().viewType(), now);
        openShards.clear();
        for (HashRange range : partitions) {
            Shard shard = newShard(stream, null, range, now);
            openShards.add(shard);
        }
        current = stream;
        context.registry().register(stream);
        context.journal().structureChanged(this);
        return stream;
    }

    /** Closes every open shard; the stream stays readable until its records age out. */
    synchronized void disable() {
        if (current == null || current.status() == StreamStatus.DISABLED) {
            return;
        }
        long now = clock().millis();
        rollDue(now);
        for (Shard shard : openShards) {
            shard.close(context.sequences().next(0), now);
        }
        openShards.clear();
        current.markDisabled(now);
        context.journal().structureChanged(this);
    }

    /** Appends the record for one item change; called inside the item's lock. */
    synchronized void append(ItemKey key, WriteOutcome outcome) {
        int partition = partitionOf(key.token());
        StoredItem before = outcome.before();
        StoredItem after = outcome.after();
        load.recordWrite(partition, clock().millis(),
                (after == null ? 0 : after.sizeBytes()) - (before == null ? 0 : before.sizeBytes()));
        Shard shard = null;
        StreamRecord record = null;
        if (current != null && current.status() == StreamStatus.ENABLED) {
            long now = clock().millis();
            rollDue(now);
            shard = openShards.get(partition);
            record = ChangeRecords.of(current, before, after, now, context.sequences(), context.region());
            shard.append(record);
        }
        context.journal().itemChanged(this, key, after, shard, record);
        // A hot key halves its partition again and again until the partition is one token wide; that
        // cannot split (nor can AWS split one key's traffic), and failing the write would be wrong.
        if (load.shouldSplit(partition, clock().millis(), context.settings())
                && partitions.get(partition).canSplit()) {
            split(partition);
        }
    }

    /**
     * Splits a partition in two. With an enabled stream the partition's shard closes and one child
     * opens per half, each naming the closed shard as its parent.
     */
    public synchronized void split(int partition) {
        if (partition < 0 || partition >= partitions.size()) {
            throw new IllegalArgumentException("table " + tableName + " has partitions 0.." + (partitions.size() - 1)
                    + ", not " + partition);
        }
        HashRange range = partitions.get(partition);
        if (!range.canSplit()) {
            throw new IllegalArgumentException("partition " + partition + " covers a single token");
        }
        List<HashRange> halves = range.halves();
        partitions.set(partition, halves.get(0));
        partitions.add(partition + 1, halves.get(1));
        load.split(partition);
        if (current != null && current.status() == StreamStatus.ENABLED) {
            long now = clock().millis();
            rollDue(now);
            Shard parent = openShards.get(partition);
            parent.close(context.sequences().next(1), now);
            openShards.set(partition, newShard(current, parent.id(), halves.get(0), now));
            openShards.add(partition + 1, newShard(current, parent.id(), halves.get(1), now));
        }
        context.journal().structureChanged(this);
    }

    /** Closes every open shard now and continues each in a child, as a periodic rollover does. */
    public synchronized void rollAll() {
        if (current == null || current.status() != StreamStatus.ENABLED) {
            return;
        }
        long now = clock().millis();
        for (int i = 0; i < openShards.size(); i++) {
            openShards.set(i, rollOver(openShards.get(i), now));
        }
        context.journal().structureChanged(this);
    }

    /** Rolls shards whose period is up and trims records past retention. */
    synchronized void maintain() {
        long now = clock().millis();
        if (current != null && current.status() == StreamStatus.ENABLED) {
            rollDue(now);
        }
    }

    /** Partitions and current stream for the durable log, read under this object's lock. */
    public synchronized TableStreamsState state() {
        return new TableStreamsState(tableName, tableId, partitions, shardCounter,
                current == null ? null : current.state(false), openShards.stream().map(Shard::id).toList());
    }

    /**
     * One of this table's streams for the durable log, read under this object's lock: every change to a
     * stream happens under it together with its journal call, so a snapshot never holds a change the
     * log has not been given.
     */
    public synchronized StreamState stateOf(TableStream stream, boolean withRecords) {
        return stream.state(withRecords);
    }

    /** Recovery: partitions, open shards and current stream as a description says; the journal hears nothing. */
    synchronized void restore(TableStreamsState state, TableStream restoredCurrent) {
        partitions.clear();
        partitions.addAll(state.partitions());
        load.reset(partitions.size());
        shardCounter = state.shardCounter();
        current = restoredCurrent;
        openShards.clear();
        for (String shardId : state.openShardIds()) {
            openShards.add(restoredCurrent.shard(shardId));
        }
    }

    /** Recovery: each partition's data size from the restored items, so size-triggered splits go on. */
    synchronized void restorePartitionBytes(NavigableMap<ItemKey, StoredItem> items) {
        long[] bytes = new long[partitions.size()];
        items.forEach((key, item) -> bytes[partitionOf(key.token())] += item.sizeBytes());
        for (int i = 0; i < bytes.length; i++) {
            load.restoreBytes(i, bytes[i]);
        }
    }

    /** Rolls every open shard that has been open for a full period, as of when each period ended. */
    private void rollDue(long now) {
        long period = context.settings().rolloverPeriod().toMillis();
        boolean rolled = false;
        for (int i = 0; i < openShards.size(); i++) {
            Shard shard = openShards.get(i);
            while (shard.createdAtMillis() + period <= now) {
                shard = rollOver(shard, shard.createdAtMillis() + period);
                rolled = true;
            }
            openShards.set(i, shard);
        }
        if (rolled) {
            context.journal().structureChanged(this);
        }
    }

    private Shard rollOver(Shard shard, long atMillis) {
        shard.close(context.sequences().next(2), atMillis);
        return newShard(current, shard.id(), shard.range(), atMillis);
    }

    private Shard newShard(TableStream stream, String parentId, HashRange range, long createdAtMillis) {
        String id;
        do {
            shardCounter++;
            // Seeded by the stream ARN, not the table name: a table re-created under the same name (whose
            // counter starts again) must not reuse the shard ids of its predecessor, which consumers
            // keep offsets for.
            int suffix = (stream.arn().hashCode() * 31 + shardCounter) * 0x9E3779B1;
            id = String.format("shardId-%020d-%08x", createdAtMillis, suffix);
        } while (stream.containsShardId(id));
        Shard shard = new Shard(id, parentId, range, context.sequences().next(3), createdAtMillis);
        stream.addShard(shard);
        return shard;
    }

    private int partitionOf(long token) {
        int low = 0;
        int high = partitions.size() - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Long.compareUnsigned(partitions.get(mid).last(), token) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private String uniqueLabel(long nowMillis) {
        long at = nowMillis;
        while (true) {
            String label = LocalDateTime.ofEpochSecond(at / 1000, (int) (at % 1000) * 1_000_000, ZoneOffset.UTC)
                    .format(LABEL);
            if (!context.registry().contains(tableArn(label))) {
                return label;
            }
            at++;
        }
    }

    private String tableArn(String label) {
        return context.tableArn(tableName) + "/stream/" + label;
    }

    private EmulatorClock clock() {
        return context.clock();
    }
}
