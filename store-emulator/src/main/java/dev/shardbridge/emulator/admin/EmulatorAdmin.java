package dev.shardbridge.emulator.admin;

import dev.shardbridge.emulator.fault.FaultRule;
import dev.shardbridge.emulator.fault.FaultRuleStatus;
import dev.shardbridge.emulator.fault.FaultRules;
import dev.shardbridge.emulator.stream.ShardStats;
import dev.shardbridge.emulator.stream.StreamCatalog;
import dev.shardbridge.emulator.stream.StreamStatus;
import dev.shardbridge.emulator.stream.TableStream;
import dev.shardbridge.emulator.stream.TableStreams;
import dev.shardbridge.emulator.time.EmulatorClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Controls a running emulator from tests and demos: reshapes streams, moves the clock, installs faults
 * and reports per-shard counters. The HTTP admin API is a thin adapter over this class, so both behave
 * the same; bad input is refused with an {@link AdminException} naming the problem.
 */
public final class EmulatorAdmin {
    /** DynamoDB's rule for table names. */
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    static final int MAX_PARTITIONS = 1024;

    private final StreamCatalog streams;
    private final EmulatorClock clock;
    private final FaultRules faults;

    public EmulatorAdmin(StreamCatalog streams, EmulatorClock clock, FaultRules faults) {
        this.streams = streams;
        this.clock = clock;
        this.faults = faults;
    }

    /**
     * Splits a partition of a table in two; with an enabled stream its shard closes and two children
     * open. Returns the table's partition count afterwards.
     */
    public int splitPartition(String table, int partition) {
        TableStreams tableStreams = existing(table);
        int count = tableStreams.partitions().size();
        if (partition < 0 || partition >= count) {
            throw AdminException.badRequest("table " + table + " has partitions 0.." + (count - 1)
                    + "; there is no partition " + partition);
        }
        try {
            tableStreams.split(partition);
        } catch (IllegalArgumentException e) {
            // A concurrent split changed the indexes, or the partition is a single token wide.
            throw AdminException.badRequest(e.getMessage());
        }
        return tableStreams.partitions().size();
    }

    /** Closes every open shard of the table's stream and continues each in a child, as a rollover does. */
    public TableShards rollShards(String table) {
        TableStreams tableStreams = existing(table);
        TableStream stream = tableStreams.current();
        if (stream == null || stream.status() != StreamStatus.ENABLED) {
            throw new AdminException(AdminFailure.CONFLICT, "table " + table
                    + " has no enabled stream to roll; enable one with UpdateTable StreamSpecification");
        }
        tableStreams.rollAll();
        return shards(table);
    }

    /** The partition count of an existing table. */
    public int partitions(String table) {
        return existing(table).partitions().size();
    }

    /**
     * Sets how many partitions (and so open shards) the table gets when it is next created under this
     * name. An existing table keeps its partitions: split them instead.
     */
    public void setPartitions(String table, int partitions) {
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw AdminException.badRequest("table name must be 3..255 characters of a-z, A-Z, 0-9, '_', '-', '.'"
                    + ", was '" + table + "'");
        }
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            throw AdminException.badRequest("partitions must be 1.." + MAX_PARTITIONS + ", was " + partitions);
        }
        streams.overridePartitions(table, partitions);
    }

    /** Every shard of the table's current stream with its counters. */
    public TableShards shards(String table) {
        TableStreams tableStreams = existing(table);
        TableStream stream = tableStreams.current();
        int partitions = tableStreams.partitions().size();
        if (stream == null) {
            return new TableShards(table, partitions, null, List.of());
        }
        long now = clock.millis();
        long window = streams.settings().readerWindow().toMillis();
        List<ShardStats> stats = stream.shards().stream().map(shard -> shard.stats(now, window)).toList();
        return new TableShards(table, partitions, stream.arn(), stats);
    }

    public ClockReading clock() {
        return new ClockReading(clock.instant(), clock.offset());
    }

    /**
     * Moves the emulator clock forward, then rolls shards that came due and trims records past retention
     * at once, so the effects are visible to the very next request.
     */
    public ClockReading advanceClock(Duration by) {
        if (by == null || by.isNegative()) {
            throw AdminException.badRequest("the clock only moves forward; cannot advance by " + by);
        }
        clock.advance(by);
        streams.maintainNow();
        return clock();
    }

    public FaultRuleStatus addFault(FaultRule rule) {
        return faults.add(rule);
    }

    public List<FaultRuleStatus> faults() {
        return faults.list();
    }

    public Optional<FaultRuleStatus> fault(long id) {
        return faults.find(id);
    }

    /**
     * Removes a fault rule and returns its last status, refusing an id that is not installed (a likely
     * mix-up in a test).
     */
    public FaultRuleStatus removeFault(long id) {
        return faults.remove(id).orElseThrow(() -> AdminException.notFound("no fault rule with id " + id));
    }

    /** Removes every fault rule; returns how many there were. */
    public int clearFaults() {
        return faults.clear();
    }

    private TableStreams existing(String table) {
        TableStreams tableStreams = table == null ? null : streams.streamsOf(table);
        if (tableStreams == null) {
            throw AdminException.notFound("table " + table + " does not exist");
        }
        return tableStreams;
    }
}
