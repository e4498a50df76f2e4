package dev.shardbridge.emulator.durability;

import java.util.ArrayList;
import java.util.List;

/**
 * What one writer did to one key, in order: each write is a version (a put, or an update setting it)
 * or a delete, and whether it was acknowledged. From it follow the only states a recovered emulator
 * may show for the key: every acknowledged write applied, plus possibly the one write in flight when
 * the emulator died, never part of a write.
 */
final class KeyHistory {
    /** One write: the version it sets, or -1 for a delete. */
    record Write(long version, boolean acknowledged) {
        boolean isDelete() {
            return version < 0;
        }
    }

    /** A stream record as the check sees it: the version of its new image, or -1 for a REMOVE. */
    record Change(long version) {
    }

    /** The key's item (version, or -1 when absent) and its stream records, after a prefix of the writes. */
    record Outcome(long itemVersion, List<Change> changes) {
    }

    private final List<Write> writes = new ArrayList<>();

    synchronized int attempt(long version) {
        writes.add(new Write(version, false));
        return writes.size() - 1;
    }

    synchronized void acknowledge(int index) {
        writes.set(index, new Write(writes.get(index).version(), true));
    }

    /**
     * The outcomes a correct recovery may show: after the last acknowledged write, and after the next
     * one too if it was sent (it was in flight at the kill). Writes are sequential per key, so at most
     * one is in flight.
     */
    synchronized List<Outcome> allowedOutcomes() {
        int lastAcknowledged = -1;
        for (int i = 0; i < writes.size(); i++) {
            if (writes.get(i).acknowledged()) {
                lastAcknowledged = i;
            }
        }
        List<Outcome> allowed = new ArrayList<>();
        allowed.add(outcomeAfter(lastAcknowledged + 1));
        if (lastAcknowledged + 1 < writes.size()) {
            allowed.add(outcomeAfter(lastAcknowledged + 2));
        }
        return allowed;
    }

    synchronized int acknowledgedCount() {
        return (int) writes.stream().filter(Write::acknowledged).count();
    }

    /** Replays the first {@code count} writes: a delete of an absent item changes nothing and has no record. */
    private Outcome outcomeAfter(int count) {
        long item = -1;
        List<Change> changes = new ArrayList<>();
        for (Write write : writes.subList(0, count)) {
            if (write.isDelete()) {
                if (item >= 0) {
                    changes.add(new Change(-1));
                }
                item = -1;
            } else {
                changes.add(new Change(write.version()));
                item = write.version();
            }
        }
        return new Outcome(item, changes);
    }
}
