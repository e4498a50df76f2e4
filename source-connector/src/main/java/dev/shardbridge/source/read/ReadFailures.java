package dev.shardbridge.source.read;

import dev.shardbridge.source.config.TrimmedDataPolicy;
import dev.shardbridge.source.metrics.SourceTaskMetrics;
import dev.shardbridge.source.offset.ShardOffset;
import dev.shardbridge.source.offset.ShardPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Acts on a failed read of one shard as {@link StreamFailure} classifies it: back off and retry, apply the
 * trimmed-data policy, drop a shard that is gone, or fail the task with a message saying what to do.
 */
final class ReadFailures {

    private static final Logger log = LoggerFactory.getLogger(ReadFailures.class);

    private final SourceTaskMetrics metrics;
    private final TrimmedDataPolicy trimmedDataPolicy;
    private final Consumer<String> resnapshot;

    /**
     * @param resnapshot under {@code snapshot.mode=when_needed}, told the table whose position was trimmed, which
     *                   then gets a new snapshot instead of the trimmed-data policy; null otherwise
     */
    ReadFailures(SourceTaskMetrics metrics, TrimmedDataPolicy trimmedDataPolicy, Consumer<String> resnapshot) {
        this.metrics = metrics;
        this.trimmedDataPolicy = trimmedDataPolicy;
        this.resnapshot = resnapshot;
    }

    /** @throws ConnectException when the task cannot go on */
    void handle(ShardCursor cursor, SdkException failure) {
        StreamFailure kind = StreamFailure.classify(failure);
        switch (kind) {
            // The reader already replaced an expired iterator once; expiring again means a stalled call: retry.
            case THROTTLED, TRANSIENT, EXPIRED_ITERATOR -> {
                metrics.throttled(cursor.partition());
                Duration backoff = cursor.pacing().afterThrottle();
                cursor.backOff(System.nanoTime(), backoff);
                log.debug("Shard {}: {} ({}); retrying in {} ms", cursor, kind, failure.getMessage(), backoff.toMillis());
            }
            case TRIMMED -> trimmed(cursor, failure);
            case GONE -> {
                cursor.finish();
                log.warn("Shard {} no longer exists ({}); it is no longer read. Shard discovery reassigns the"
                        + " table's current shards.", cursor, failure.getMessage());
            }
            case FATAL -> throw new ConnectException("Reading shard " + cursor + " failed and retrying cannot help: "
                    + failure.getMessage(), failure);
        }
    }

    private void trimmed(ShardCursor cursor, SdkException failure) {
        String position = cursor.reader().lastSequenceNumber().map(seq -> "after sequence number " + seq)
                .orElse("at its start");
        changesLost(cursor, "the position " + position + " is older than the stream's retention (24 hours on AWS)",
                failure);
        cursor.reader().skipToTrimHorizon();
        cursor.delay(System.nanoTime(), Duration.ZERO);
    }

    /**
     * The child {@code cursor} is about to be opened, but its parent, no longer listed by the stream, was left
     * unfinished at {@code parent}: the parent's remaining changes were trimmed before they were read.
     *
     * @throws ConnectException under trimmed.data.policy=fail
     */
    void parentTrimmed(ShardCursor cursor, ShardOffset parent) {
        String position = parent.lastSequenceNumber().map(seq -> "after sequence number " + seq)
                .orElse("before its first record");
        changesLost(cursor, "its parent shard " + parent.partition().shardId() + " was trimmed from the stream while"
                + " this connector's position in it was " + position, null);
    }

    /** The same for a parent that has no offset although the table was read before: its lineage aged out unread. */
    void parentTrimmedUnread(ShardCursor cursor, ShardPartition parent) {
        changesLost(cursor, "its parent shard " + parent.shardId() + " was trimmed from the stream before this"
                + " connector read it, although it had read the table before", null);
    }

    private void changesLost(ShardCursor cursor, String what, SdkException cause) {
        String table = cursor.partition().table();
        if (resnapshot != null) {
            metrics.gap(cursor.partition());
            log.warn("Shard {}: {}; continuing at the oldest retained record and snapshotting table {} again"
                    + " (snapshot.mode=when_needed), so consumers receive its current state.", cursor, what, table);
            resnapshot.accept(table);
            return;
        }
        if (trimmedDataPolicy == TrimmedDataPolicy.FAIL) {
            throw new ConnectException("Shard " + cursor + ": " + what + "; changes were lost from the stream before"
                    + " they could be read. Set trimmed.data.policy=skip to continue at the oldest retained record (the"
                    + " gap is logged and counted), use start.position=snapshot with snapshot.mode=when_needed to"
                    + " snapshot the table again, or reset the connector's offsets."
                    + (cause == null ? "" : " Cause: " + cause.getMessage()), cause);
        }
        metrics.gap(cursor.partition());
        log.warn("DATA GAP: shard {}: {}; continuing at the oldest retained record under trimmed.data.policy=skip."
                + " Changes in between are lost.", cursor, what);
    }
}
