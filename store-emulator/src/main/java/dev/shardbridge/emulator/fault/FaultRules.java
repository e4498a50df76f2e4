package dev.shardbridge.emulator.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault rules of one emulator, in the order they were added. Copy-on-write: every request reads
 * the current list with one volatile read and no lock, while the rare admin changes copy it.
 */
public final class FaultRules {
    private final AtomicLong lastId = new AtomicLong();
    private volatile List<ActiveFault> active = List.of();

    /** Installs a rule; its draws start fresh. */
    public synchronized FaultRuleStatus add(FaultRule rule) {
        ActiveFault fault = new ActiveFault(lastId.incrementAndGet(), rule);
        List<ActiveFault> next = new ArrayList<>(active);
        next.add(fault);
        active = List.copyOf(next);
        return fault.status();
    }

    /** Removes a rule; returns its last status, or empty when there is none with this id. */
    public synchronized Optional<FaultRuleStatus> remove(long id) {
        Optional<ActiveFault> removed = active.stream().filter(fault -> fault.id() == id).findFirst();
        removed.ifPresent(fault -> {
            List<ActiveFault> next = new ArrayList<>(active);
            next.remove(fault);
            active = List.copyOf(next);
        });
        return removed.map(ActiveFault::status);
    }

    /** Removes every rule; returns how many there were. */
    public synchronized int clear() {
        int count = active.size();
        active = List.of();
        return count;
    }

    public List<FaultRuleStatus> list() {
        return active.stream().map(ActiveFault::status).toList();
    }

    public Optional<FaultRuleStatus> find(long id) {
        return active.stream().filter(fault -> fault.id() == id).findFirst().map(ActiveFault::status);
    }

    /** The rules to apply to a request, as of now. */
    List<ActiveFault> active() {
        return active;
    }
}
