package dev.shardbridge.source.snapshot;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The change log a snapshot's chunk rule needs: every stream change of the table gets the next index, and a
 * Scan page notes the index reached when it was requested (its low watermark). When the page's rows are
 * emitted, a row whose key changed after that watermark is superseded by the stream, so it is dropped.
 *
 * <p>Only keys that changed since the oldest page still in flight are remembered, so memory follows the
 * changes of a few pages, not the table. Indices and the key map belong to the poll thread; scan threads only
 * open a watermark, which reads the index under the same lock that pruning takes.
 */
final class ChangeWatermarks {

    private final Map<Map<String, AttributeValue>, Long> lastChange = new HashMap<>();
    /** Watermarks of pages requested but not yet emitted, with how many pages hold each. */
    private final TreeMap<Long, Integer> open = new TreeMap<>();
    private long changes;

    /** A scan thread is about to request a page: the index of the last change already read. */
    synchronized long open() {
        open.merge(changes, 1, Integer::sum);
        return changes;
    }

    /** The page of {@code watermark} was emitted or given up; forgets changes no open page can ask about. */
    void close(long watermark) {
        long oldestNeeded;
        synchronized (this) {
            cancel(watermark);
            oldestNeeded = open.isEmpty() ? changes : open.firstKey();
        }
        if (!lastChange.isEmpty()) {
            lastChange.values().removeIf(index -> index <= oldestNeeded);
        }
    }

    /** A scan thread's request failed: its watermark is no longer open. Leaves pruning to the poll thread. */
    synchronized void cancel(long watermark) {
        open.computeIfPresent(watermark, (w, pages) -> pages == 1 ? null : pages - 1);
    }

    /** The poll thread read a stream change of {@code key}. */
    void changed(Map<String, AttributeValue> key) {
        long index;
        synchronized (this) {
            index = ++changes;
        }
        lastChange.put(key, index);
    }

    /** Whether {@code key} changed after {@code watermark}, as far as the stream has been read. */
    boolean changedAfter(Map<String, AttributeValue> key, long watermark) {
        Long index = lastChange.get(key);
        return index != null && index > watermark;
    }

    /** Keys remembered now; for tests and diagnostics. */
    int remembered() {
        return lastChange.size();
    }
}
