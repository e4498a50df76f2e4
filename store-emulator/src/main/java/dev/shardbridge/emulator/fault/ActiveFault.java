package dev.shardbridge.emulator.fault;

import java.util.concurrent.atomic.AtomicLong;

/** A rule installed in a running emulator: its id, its own draws and how often it has fired. */
final class ActiveFault {
    private final long id;
    private final FaultRule rule;
    private final SeededDraws draws;
    private final AtomicLong hits = new AtomicLong();

    ActiveFault(long id, FaultRule rule) {
        this.id = id;
        this.rule = rule;
        this.draws = new SeededDraws(rule.effectiveSeed());
    }

    long id() {
        return id;
    }

    FaultRule rule() {
        return rule;
    }

    boolean appliesTo(RequestScope scope) {
        return (rule.operation() == null || rule.operation().equals(scope.operation()))
                && (rule.table() == null || scope.tables().contains(rule.table()))
                && (rule.shard() == null || rule.shard().equals(scope.shardId()));
    }

    /** True when the rule covers writes to {@code table} (UNPROCESSED_ITEMS picks writes one by one). */
    boolean appliesToTable(String table) {
        return rule.table() == null || rule.table().equals(table);
    }

    /**
     * Draws once and tells whether this request (or write) is hit. A rule whose max count is used up
     * stops drawing, so it costs nothing and never overshoots, even under concurrent requests.
     */
    boolean fires() {
        long max = rule.maxCount();
        if (max > 0 && hits.get() >= max) {
            return false;
        }
        if (draws.next() >= rule.rate()) {
            return false;
        }
        if (max == 0) {
            hits.incrementAndGet();
            return true;
        }
        long seen = hits.get();
        while (seen < max) {
            if (hits.compareAndSet(seen, seen + 1)) {
                return true;
            }
            seen = hits.get();
        }
        return false;
    }

    FaultRuleStatus status() {
        return new FaultRuleStatus(id, rule, rule.effectiveSeed(), hits.get());
    }
}
