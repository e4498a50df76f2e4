package dev.shardbridge.emulator.stream;

import dev.shardbridge.emulator.model.KeySchema;
import dev.shardbridge.emulator.table.StreamViewType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stream of a table (one enablement): its ARN and label, its view type and every shard it has had,
 * in creation order, so parents always come before their children. Mutated only by its
 * {@link TableStreams} under that object's lock.
 */
public final class TableStream {
    private final String arn;
    private final String label;
    private final String tableName;
    private final KeySchema keySchema;
    private final StreamViewType viewType;
    private final long createdAtMillis;
    private final Map<String, Shard> shards = new LinkedHashMap<>();
    private volatile StreamStatus status = StreamStatus.ENABLED;
    private volatile long disabledAtMillis = -1;

    TableStream(String arn, String label, String tableName, KeySchema keySchema, StreamViewType viewType,
                long createdAtMillis) {
        this.arn = arn;
        this.label = label;
        this.tableName = tableName;
        this.keySchema = keySchema;
        this.viewType = viewType;
        this.createdAtMillis = createdAtMillis;
    }

    public String arn() {
        return arn;
    }

    public String label() {
        return label;
    }

    public String tableName() {
        return tableName;
    }

    public KeySchema keySchema() {
        return keySchema;
    }

    public StreamViewType viewType() {
        return viewType;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public StreamStatus status() {
        return status;
    }

    public long disabledAtMillis() {
        return disabledAtMillis;
    }

    /** Every shard still listed, parents before children. */
    public synchronized List<Shard> shards() {
        return new ArrayList<>(shards.values());
    }

    /** The shard with this id, or null when it does not exist (or was trimmed away). */
    public synchronized Shard shard(String shardId) {
        return shards.get(shardId);
    }

    synchronized void addShard(Shard shard) {
        shards.put(shard.id(), shard);
    }

    synchronized boolean containsShardId(String shardId) {
        return shards.containsKey(shardId);
    }

    void markDisabled(long nowMillis) {
        disabledAtMillis = nowMillis;
        status = StreamStatus.DISABLED;
    }

    /** This stream for the durable log; its shards' records only when {@code withRecords} (snapshots). */
    public synchronized StreamState state(boolean withRecords) {
        List<ShardState> shardStates = new ArrayList<>(shards.size());
        for (Shard shard : shards.values()) {
            shardStates.add(shard.state(withRecords));
        }
        return new StreamState(arn, label, tableName, keySchema, viewType, createdAtMillis, status, disabledAtMillis,
                shardStates);
    }

    /** Recovery: the stream a description names, with its shards but no records yet. */
    static TableStream restored(StreamState state) {
        TableStream stream = new TableStream(state.arn(), state.label(), state.tableName(), state.keySchema(),
                state.viewType(), state.createdAtMillis());
        stream.restore(state);
        return stream;
    }

    /**
     * Recovery: status and shards as a (later) description says. Shards already here keep their records
     * and take the description's closing; new ones are added after them, so parents stay first.
     */
    synchronized void restore(StreamState state) {
        status = state.status();
        disabledAtMillis = state.disabledAtMillis();
        for (ShardState shardState : state.shards()) {
            Shard shard = shards.get(shardState.id());
            if (shard == null) {
                shards.put(shardState.id(), Shard.restored(shardState));
            } else {
                shard.restoreClosing(shardState.endingSequence(), shardState.closedAtMillis());
            }
        }
    }

    /**
     * Trims records past retention and forgets closed shards that hold nothing readable any more.
     * Returns true when the whole stream has aged out (disabled and empty).
     */
    synchronized boolean trim(long cutoffMillis) {
        shards.values().removeIf(shard -> {
            shard.trimBefore(cutoffMillis);
            return !shard.isOpen() && shard.trimHorizon() == shard.end() && shard.closedAtMillis() < cutoffMillis;
        });
        return status == StreamStatus.DISABLED && disabledAtMillis < cutoffMillis && shards.isEmpty();
    }
}
