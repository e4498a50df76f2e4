package dev.shardbridge.system;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The no-regression rule, checked per key along an order of events (a change topic, a replica's stream): every
 * write to the source carries a per-key number attribute that only grows, across deletes and re-creations too.
 * So along the events of one key, a value present must never carry a smaller number than one seen before
 * (regression), and after a delete no value of the number it had, or an older one, may come back
 * (resurrection). Thread-safe: a watcher thread may feed it while the test reads it.
 */
public final class KeyVersionOrder {

    private static final int EXAMPLES = 20;

    /** Per key: the newest number seen, and whether the key was deleted after it. */
    private record Seen(long version, boolean deleted) {
    }

    private final String what;
    private final Map<String, Seen> seen = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private long violationCount;
    private long events;

    public KeyVersionOrder(String what) {
        this.what = what;
    }

    /** A change event of the topic: {@code r}, {@code c}, {@code u} carry their after image, {@code d} its before. */
    public void topicChange(TopicChanges.Change change) {
        String where = change.op() + " at " + change.partition() + "@" + change.offset();
        if (change.op().equals("d")) {
            deleted(change.key(), change.beforeVersion(), where);
        } else {
            present(change.key(), change.afterVersion(), where);
        }
    }

    /**
     * A record of a replica's stream ({@code NEW_IMAGE} or richer). The sink writes a delete as a tombstone item
     * carrying {@code tombstone}; it holds no number, so it stands for "gone after the newest number seen".
     */
    public void replicaRecord(Record record, String keyAttribute, String version, String tombstone) {
        Map<String, AttributeValue> image = record.dynamodb().newImage();
        String where = record.eventName() + " " + record.dynamodb().sequenceNumber();
        String key = record.dynamodb().keys().get(keyAttribute).s();
        if (image == null || image.isEmpty() || image.containsKey(tombstone)) {
            deleted(key, null, where);
        } else {
            AttributeValue number = image.get(version);
            present(key, number == null ? null : Long.valueOf(number.n()), where);
        }
    }

    public synchronized void present(String key, Long version, String where) {
        events++;
        if (version == null) {
            violation(key + ": " + where + " has no number");
            return;
        }
        Seen before = seen.get(key);
        if (before != null && before.deleted() && version <= before.version()) {
            violation(key + ": " + where + " resurrects " + version + " after a delete of " + before.version());
        } else if (before != null && version < before.version()) {
            violation(key + ": " + where + " regresses to " + version + " after " + before.version());
        }
        if (before == null || version >= before.version()) {
            seen.put(key, new Seen(version, false));
        }
    }

    /** A delete of {@code version} (null: of whatever was seen last). */
    public synchronized void deleted(String key, Long version, String where) {
        events++;
        Seen before = seen.get(key);
        long gone = version != null ? version : before == null ? Long.MIN_VALUE : before.version();
        if (before != null && gone < before.version()) {
            violation(key + ": " + where + " deletes " + gone + " after " + before.version() + " was seen");
        }
        seen.put(key, new Seen(Math.max(gone, before == null ? Long.MIN_VALUE : before.version()), true));
    }

    private void violation(String text) {
        violationCount++;
        if (violations.size() < EXAMPLES) {
            violations.add(text);
        }
    }

    /** The violations found (at most 20 examples, after a count), empty if none. */
    public synchronized List<String> violations() {
        if (violationCount == 0) {
            return List.of();
        }
        List<String> report = new ArrayList<>();
        report.add(violationCount + " violations in " + events + " events of " + what);
        report.addAll(violations);
        return report;
    }

    public synchronized long events() {
        return events;
    }
}
