package dev.shardbridge.emulator.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One fault to inject: what it does and which requests it may hit. Start from {@link #of(FaultKind)}
 * and narrow it with the withers, e.g.
 * {@code FaultRule.of(FaultKind.THROTTLING).onOperation("BatchWriteItem").onTable("orders").withRate(0.2)}.
 *
 * @param kind      what the fault does
 * @param operation the operation name it applies to, e.g. {@code PutItem}; null for any
 * @param table     the table it applies to (TableName, a RequestItems key, or the table of a stream ARN or
 *                  shard iterator); null for any
 * @param shard     the shard id it applies to (GetShardIterator and GetRecords only); null for any
 * @param rate      the share of matching requests hit, 0..1; for UNPROCESSED_ITEMS the share of writes
 * @param maxCount  the most hits before the rule goes quiet; 0 for no limit
 * @param latency   the delay a LATENCY rule adds; zero for every other kind
 * @param seed      the seed of the rule's random draws; null derives one from kind and scope
 */
public record FaultRule(FaultKind kind, String operation, String table, String shard, double rate, long maxCount,
                        Duration latency, Long seed) {

    /** A sleep on a worker thread: beyond this it stops being a test of latency and starts hanging tests. */
    public static final Duration MAX_LATENCY = Duration.ofMinutes(1);

    /**
     * The operations the emulator serves. A rule naming anything else is refused, because a typo would
     * otherwise give a rule that silently never matches.
     */
    public static final Set<String> OPERATIONS = Set.of("CreateTable", "DescribeTable", "UpdateTable",
            "DeleteTable", "ListTables", "PutItem", "GetItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "BatchGetItem", "Query", "Scan", "ListStreams", "DescribeStream", "GetShardIterator", "GetRecords");

    /** The operations whose requests name a shard. */
    public static final Set<String> SHARD_OPERATIONS = Set.of("GetShardIterator", "GetRecords");

    private static final String BATCH_WRITE = "BatchWriteItem";

    public FaultRule {
        Objects.requireNonNull(kind, "kind");
        latency = latency == null ? Duration.ZERO : latency;
        if (kind == FaultKind.UNPROCESSED_ITEMS && operation == null) {
            operation = BATCH_WRITE;
        }
        if (operation != null && !OPERATIONS.contains(operation)) {
            throw new IllegalArgumentException("unknown operation '" + operation + "'; known: "
                    + OPERATIONS.stream().sorted().toList());
        }
        if (kind == FaultKind.UNPROCESSED_ITEMS && !operation.equals(BATCH_WRITE)) {
            throw new IllegalArgumentException("UNPROCESSED_ITEMS applies to BatchWriteItem only, not " + operation);
        }
        if (table != null && table.isBlank()) {
            throw new IllegalArgumentException("table must not be blank; leave it out to match any table");
        }
        if (shard != null && shard.isBlank()) {
            throw new IllegalArgumentException("shard must not be blank; leave it out to match any shard");
        }
        if (shard != null && operation != null && !SHARD_OPERATIONS.contains(operation)) {
            throw new IllegalArgumentException("shard applies to " + SHARD_OPERATIONS.stream().sorted().toList()
                    + " only, not " + operation);
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be 0..1, was " + rate);
        }
        if (maxCount < 0) {
            throw new IllegalArgumentException("maxCount must be 0 (no limit) or more, was " + maxCount);
        }
        checkLatency(kind, latency);
    }

    private static void checkLatency(FaultKind kind, Duration latency) {
        if (kind == FaultKind.LATENCY) {
            if (latency.isNegative() || latency.isZero() || latency.compareTo(MAX_LATENCY) > 0) {
                throw new IllegalArgumentException("latency must be more than 0 ms and at most "
                        + MAX_LATENCY.toMillis() + " ms, was " + latency.toMillis() + " ms");
            }
        } else if (!latency.isZero()) {
            throw new IllegalArgumentException("latency applies to LATENCY rules only, not " + kind);
        }
    }

    /** A rule that hits every request of any operation and table, until narrowed. */
    public static FaultRule of(FaultKind kind) {
        return new FaultRule(kind, null, null, null, 1.0, 0, Duration.ZERO, null);
    }

    /** A rule that delays every request by {@code latency}, until narrowed. */
    public static FaultRule latencyOf(Duration latency) {
        return new FaultRule(FaultKind.LATENCY, null, null, null, 1.0, 0, latency, null);
    }

    public FaultRule onOperation(String newOperation) {
        return new FaultRule(kind, newOperation, table, shard, rate, maxCount, latency, seed);
    }

    public FaultRule onTable(String newTable) {
        return new FaultRule(kind, operation, newTable, shard, rate, maxCount, latency, seed);
    }

    public FaultRule onShard(String newShard) {
        return new FaultRule(kind, operation, table, newShard, rate, maxCount, latency, seed);
    }

    public FaultRule withRate(double newRate) {
        return new FaultRule(kind, operation, table, shard, newRate, maxCount, latency, seed);
    }

    public FaultRule withMaxCount(long newMaxCount) {
        return new FaultRule(kind, operation, table, shard, rate, newMaxCount, latency, seed);
    }

    public FaultRule withSeed(long newSeed) {
        return new FaultRule(kind, operation, table, shard, rate, maxCount, latency, newSeed);
    }

    /**
     * The seed the rule's draws use. Derived from kind and scope when not given, so two rules over the
     * same requests (say 20 % throttling and 5 % errors) draw independently rather than in lockstep.
     */
    public long effectiveSeed() {
        if (seed != null) {
            return seed;
        }
        return Objects.hash(kind.name(), operation, table, shard);
    }
}
