package dev.shardbridge.source.discovery;

import dev.shardbridge.source.assign.DiscoveredShard;
import dev.shardbridge.source.offset.ShardOffset;
import dev.shardbridge.source.offset.ShardOffsets;
import dev.shardbridge.source.offset.ShardPartition;
import dev.shardbridge.source.offset.TableSnapshot;
import dev.shardbridge.source.snapshot.UnfinishedSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The connector's one discovery scheduler: lists the shards of every configured table at a fixed interval and
 * asks Connect to reconfigure the tasks when a shard to read appears (or its lineage changes). Shards whose committed offset
 * says drained are left out, so finished shards stop occupying tasks; their children still name them, and the
 * lineage gate sees them drained. A failed listing keeps the last known set, so a blip never unassigns shards.
 */
public final class ShardMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShardMonitor.class);
    private static final Comparator<DiscoveredShard> ORDER =
            Comparator.comparing(DiscoveredShard::table).thenComparing(DiscoveredShard::shardId);

    private final TableResolver tables;
    private final ShardDiscovery discovery;
    private final ShardOffsets offsets;
    private final UnfinishedSnapshots snapshots;
    private final boolean streamsRead;
    private final Runnable onChange;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "shardbridge-shard-discovery");
        thread.setDaemon(true);
        return thread;
    });
    private volatile List<DiscoveredShard> current = List.of();
    /** The unfinished snapshots by table, as the last discovery found them; both views below derive from it. */
    private volatile Map<String, TableSnapshot> unfinished = Map.of();
    private volatile boolean closed;

    public ShardMonitor(TableResolver tables, ShardDiscovery discovery, ShardOffsets offsets, Runnable onChange) {
        this(tables, discovery, offsets, UnfinishedSnapshots.disabled(), true, onChange);
    }

    /**
     * @param snapshots   decides which tables still need their snapshot
     * @param streamsRead false under snapshot.mode=initial_only: no shards are listed, tables are only scanned
     */
    public ShardMonitor(TableResolver tables, ShardDiscovery discovery, ShardOffsets offsets,
                        UnfinishedSnapshots snapshots, boolean streamsRead, Runnable onChange) {
        this.tables = tables;
        this.discovery = discovery;
        this.offsets = offsets;
        this.snapshots = snapshots;
        this.streamsRead = streamsRead;
        this.onChange = onChange;
    }

    /** Runs the first discovery now, so the first task configs already hold shards, then every {@code interval}. */
    public void start(Duration interval) {
        refresh();
        scheduler.scheduleWithFixedDelay(this::refreshReportingChange, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The shards to read, in canonical order. */
    public List<DiscoveredShard> shards() {
        return current;
    }

    /** The tables whose snapshot is not finished, each to be read by one task with all its shards. */
    public Set<String> snapshotTables() {
        return unfinished.keySet();
    }

    /**
     * Under snapshot.mode=initial_only, the unfinished scan segments of each snapshotted table: with no stream to
     * order rows against, segments may run on different tasks. Empty when the streams are read.
     */
    public Map<String, List<Integer>> scanSegments() {
        return streamsRead ? Map.of() : unfinishedSegments(unfinished);
    }

    /** Lists again now; true when the set of shards to read, or of tables to snapshot, changed. */
    boolean refresh() {
        try {
            List<String> resolved = tables.resolve();
            List<DiscoveredShard> found = new ArrayList<>();
            if (streamsRead) {
                for (String table : resolved) {
                    found.addAll(listTable(table));
                }
            }
            List<DiscoveredShard> active = withoutDrained(found);
            // A snapshot also needs the table's stream, unless only scanning; a table without one waits for it.
            Set<String> withStream = found.stream().map(DiscoveredShard::table).collect(Collectors.toSet());
            Map<String, TableSnapshot> snapshotting = snapshots.among(streamsRead
                    ? resolved.stream().filter(withStream::contains).toList() : resolved);
            List<DiscoveredShard> previous = current;
            Set<String> previousSnapshotting = unfinished.keySet();
            current = active;
            unfinished = Map.copyOf(snapshotting);
            if (!previousSnapshotting.equals(snapshotting.keySet())) {
                log.info("Tables being snapshotted changed: {} -> {}", new TreeSet<>(previousSnapshotting),
                        new TreeSet<>(snapshotting.keySet()));
                return true;
            }
            if (previous.containsAll(active)) {
                // Only drained shards left: their tasks idle on them harmlessly, and restarting every task just to
                // drop them would cost more than it saves. The next new shard's reconfiguration drops them.
                return false;
            }
            log.info("Shards to read changed: {} -> {} shard(s)", previous.size(), active.size());
            return true;
        } catch (RuntimeException e) {
            // Whatever went wrong (the store, the offset topic, a listing we cannot parse), the scheduler must
            // survive it: a scheduled task that throws is never run again, and discovery would silently stop.
            if (closed) {
                log.debug("Shard discovery ended by the connector stopping: {}", e.toString());
                return false;
            }
            log.warn("Shard discovery failed; keeping the {} known shard(s) and retrying at the next interval: {}",
                    current.size(), e.toString());
            return false;
        }
    }

    private static Map<String, List<Integer>> unfinishedSegments(Map<String, TableSnapshot> unfinished) {
        Map<String, List<Integer>> segments = new TreeMap<>();
        unfinished.forEach((table, state) -> segments.put(table, state.progress().stream()
                .filter(progress -> !progress.done()).map(progress -> progress.partition().segment()).toList()));
        return Map.copyOf(segments);
    }

    private void refreshReportingChange() {
        if (refresh() && !closed) {
            onChange.run();
        }
    }

    private List<DiscoveredShard> listTable(String table) {
        try {
            List<DiscoveredShard> shards = discovery.discover(table);
            if (shards.isEmpty()) {
                log.warn("Table {} has no enabled stream; nothing of it is read until one is enabled", table);
            }
            return shards;
        } catch (ResourceNotFoundException e) {
            log.warn("Table {} does not exist; nothing of it is read until it is created", table);
            return List.of();
        }
    }

    private List<DiscoveredShard> withoutDrained(List<DiscoveredShard> found) {
        Map<ShardPartition, ShardOffset> known = offsets.fetch(found.stream()
                .map(shard -> new ShardPartition(shard.table(), shard.shardId())).toList());
        return found.stream()
                .filter(shard -> {
                    ShardOffset offset = known.get(new ShardPartition(shard.table(), shard.shardId()));
                    return offset == null || !offset.drained();
                })
                .sorted(ORDER)
                .toList();
    }

    @Override
    /**
     * Stops scheduling refreshes. A refresh in flight is left to finish rather than interrupted: an interrupt
     * inside Connect's offset reader is logged by Connect at ERROR, which would alarm users at every stop.
     */
    public void close() {
        closed = true;
        scheduler.shutdown();
    }
}
