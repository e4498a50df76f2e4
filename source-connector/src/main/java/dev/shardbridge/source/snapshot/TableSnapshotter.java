package dev.shardbridge.source.snapshot;

import dev.shardbridge.event.TableKey;
import dev.shardbridge.event.item.AttributePath;
import dev.shardbridge.event.item.DynamoDbJson;
import dev.shardbridge.source.config.IdleBackoff;
import dev.shardbridge.source.emit.SnapshotRecords;
import dev.shardbridge.source.metrics.SourceTaskMetrics;
import dev.shardbridge.source.offset.SegmentProgress;
import dev.shardbridge.source.offset.TableSnapshot;
import dev.shardbridge.source.read.PollPacing;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One table's snapshot inside the task that also reads all of the table's shards. Segment threads scan ahead;
 * the poll thread emits a page only when the stream has been read past it, by this chunk rule:
 *
 * <ol>
 *   <li>before requesting a page, its thread notes the low watermark L: the index of the last change read;</li>
 *   <li>once the page has arrived (at time T), every shard of the table is read to an empty page by a request
 *       made at T + {@code snapshot.watermark.delay.ms} or later, so every change visible to the scan has been
 *       read (with index at most H);</li>
 *   <li>a row whose key changed in (L, H] is dropped: the stream already carried that key's newer state. Every
 *       other row equals the state after its key's last change up to L, which was emitted earlier, so it is
 *       emitted now, after H, and no consumer sees it after a newer value.</li>
 * </ol>
 *
 * Progress per segment is the offset of its rows; a finished segment commits "done" with a marker record.
 */
public final class TableSnapshotter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TableSnapshotter.class);
    /** Pages a segment may read ahead of what was emitted: enough to hide the watermark delay, bounded memory. */
    static final int PAGES_AHEAD = 8;
    private static final Duration RETENTION_CHECK_INTERVAL = Duration.ofSeconds(5);

    /** What the snapshot is configured with. */
    public record Settings(int pageItems, long maxItemsPerSecond, Duration watermarkDelay, Duration retention,
                           IdleBackoff backoff) {
    }

    private final String table;
    private final TableKey tableKey;
    private final TableSnapshot state;
    private final Settings settings;
    private final DynamoDbClient dynamoDb;
    private final SnapshotRecords records;
    private final SourceTaskMetrics metrics;
    private final boolean streamed;
    /** The segments this task runs; all of them unless the table is only scanned and spread over tasks. */
    private final Set<Integer> segments;
    private final ChangeWatermarks watermarks = new ChangeWatermarks();
    private final SegmentProgress[] progress;
    private final List<Queue<ScanPage>> pending = new ArrayList<>();
    private final List<Semaphore> pagesAhead = new ArrayList<>();
    private final List<SegmentScanner> scanners = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final SnapshotStats stats;
    private ExecutorService threads;
    private boolean retentionWarned;
    private long nextRetentionCheck = System.nanoTime();

    /**
     * @param itemCount the table's item count per DescribeTable, for estimates; 0 or less when unknown
     * @param streamed  whether this task reads the table's stream; without it (initial_only) rows need no wait
     */
    public TableSnapshotter(TableSnapshot state, TableKey tableKey, long itemCount, Settings settings,
                            DynamoDbClient dynamoDb, SnapshotRecords records, SourceTaskMetrics metrics,
                            boolean streamed) {
        this(state, Set.of(), tableKey, itemCount, settings, dynamoDb, records, metrics, streamed);
    }

    /**
     * @param segments the segments to run here when a scan-only snapshot is spread over tasks; empty for all.
     *                 A snapshot with a stream always runs all its segments in the task that reads the stream.
     */
    public TableSnapshotter(TableSnapshot state, Set<Integer> segments, TableKey tableKey, long itemCount,
                            Settings settings, DynamoDbClient dynamoDb, SnapshotRecords records,
                            SourceTaskMetrics metrics, boolean streamed) {
        if (streamed && !segments.isEmpty()) {
            throw new IllegalArgumentException("A snapshot read with its stream runs all its segments in one task");
        }
        this.table = state.table();
        this.tableKey = tableKey;
        this.state = state;
        this.settings = settings;
        this.dynamoDb = dynamoDb;
        this.records = records;
        this.metrics = metrics;
        this.streamed = streamed;
        this.segments = segments.isEmpty()
                ? IntStream.range(0, state.segments()).boxed().collect(Collectors.toCollection(TreeSet::new))
                : new TreeSet<>(segments);
        this.progress = state.progress().toArray(SegmentProgress[]::new);
        List<SegmentProgress> mine = state.progress().stream()
                .filter(segment -> this.segments.contains(segment.partition().segment())).toList();
        this.stats = new SnapshotStats(mine.size(), (int) mine.stream().filter(SegmentProgress::done).count(),
                mine.stream().mapToLong(SegmentProgress::scanned).sum(), itemCount * mine.size() / state.segments());
    }

    public String table() {
        return table;
    }

    public long epoch() {
        return state.epoch();
    }

    /** Starts a thread per unfinished segment; {@code wake} is run whenever a page arrives. */
    public void start(Runnable wake) {
        AtomicInteger threadNumber = new AtomicInteger();
        threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "shardbridge-snapshot-" + table + "-" + threadNumber.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
        // The cap is per table: a task running some of a scan-only table's segments gets their share of it.
        long cap = Math.max(1, settings.maxItemsPerSecond() * segments.size() / state.segments());
        ScanRateLimiter limiter = settings.maxItemsPerSecond() > 0 ? new ScanRateLimiter(cap) : null;
        for (SegmentProgress segment : progress) {
            Queue<ScanPage> queue = new ConcurrentLinkedQueue<>();
            Semaphore ahead = new Semaphore(PAGES_AHEAD);
            pending.add(queue);
            pagesAhead.add(ahead);
            if (segment.done() || !segments.contains(segment.partition().segment())) {
                continue;
            }
            Map<String, AttributeValue> resumeAfter = segment.resumeAfter()
                    .map(json -> DynamoDbJson.readItem(json, AttributePath.root("last_key"))).orElse(null);
            SegmentScanner scanner = new SegmentScanner(dynamoDb,
                    new SegmentScanner.Segment(table, segment.partition().segment(), state.segments(), resumeAfter),
                    settings.pageItems(), limiter, watermarks, ahead, page -> {
                        queue.add(page);
                        wake.run();
                    }, failed -> {
                        failure.compareAndSet(null, failed);
                        wake.run();
                    }, new PollPacing(settings.backoff(), bound -> ThreadLocalRandom.current().nextLong(bound)));
            scanners.add(scanner);
            threads.execute(scanner);
        }
        metrics.snapshotStarted(table, stats);
        if (limiter != null) {
            RetentionEstimate.beforeScan(table, stats.itemCount(), cap, settings.retention())
                    .ifPresent(this::warnRetention);
        }
        log.info("Snapshot of {} (epoch {}) {}: segment(s) {} of {} here, {} of them done, {} item(s) scanned"
                + " before", table, state.epoch(), stats.itemsScanned() == 0 ? "starts" : "resumes", segments,
                state.segments(), stats.segmentsDone(), stats.itemsScanned());
    }

    /** The poll thread read a stream change of this table. */
    public void streamChange(Map<String, AttributeValue> key) {
        watermarks.changed(key);
    }

    /**
     * The moment after which the table's shards must have been read to an empty page before the oldest waiting
     * page can be emitted; empty when no page waits.
     */
    public OptionalLong readStreamAfter() {
        OptionalLong earliest = OptionalLong.empty();
        for (Queue<ScanPage> queue : pending) {
            ScanPage head = queue.peek();
            if (head != null && (earliest.isEmpty() || threshold(head) - earliest.getAsLong() < 0)) {
                earliest = OptionalLong.of(threshold(head));
            }
        }
        return earliest;
    }

    /**
     * Appends the rows of every page whose stream has been read far enough, in each segment's order.
     *
     * @param streamReadAfter tells whether every shard of the table was read to an empty page by a request made
     *                        at or after the given {@code System.nanoTime()}
     * @throws ConnectException if a segment failed in a way retrying cannot help
     */
    public void emitReady(LongPredicate streamReadAfter, List<SourceRecord> out) {
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw new ConnectException("Snapshot of " + table + " failed: " + failed.getMessage(), failed);
        }
        for (int segment = 0; segment < pending.size(); segment++) {
            Queue<ScanPage> queue = pending.get(segment);
            ScanPage page;
            while ((page = queue.peek()) != null && (!streamed || streamReadAfter.test(threshold(page)))) {
                queue.poll();
                emit(page, out);
                pagesAhead.get(segment).release();
            }
        }
        checkRetention();
    }

    private long threshold(ScanPage page) {
        return page.receivedNanos() + settings.watermarkDelay().toNanos();
    }

    private void emit(ScanPage page, List<SourceRecord> out) {
        int segment = page.segment();
        SegmentProgress before = progress[segment];
        SegmentProgress after = page.lastOfSegment() ? before.finished(page.items().size())
                : before.after(DynamoDbJson.writeItem(page.lastEvaluatedKey()), page.items().size());
        List<Map<String, AttributeValue>> kept = new ArrayList<>(page.items().size());
        for (Map<String, AttributeValue> item : page.items()) {
            if (!watermarks.changedAfter(tableKey.keyOf(item), page.watermark())) {
                kept.add(item);
            }
        }
        watermarks.close(page.watermark());
        // Rows carry the progress before their page, except the last, which carries the page's end: a restart
        // re-reads at most the page it stopped in, and never skips a row that was not handed to Connect.
        for (int i = 0; i < kept.size(); i++) {
            boolean last = i == kept.size() - 1 && !page.lastOfSegment();
            out.add(records.row(table, tableKey, kept.get(i), last ? after : before));
        }
        if (page.lastOfSegment() || kept.isEmpty()) {
            out.add(records.progressMarker(after));
        }
        progress[segment] = after;
        stats.pageEmitted(page.items().size(), page.items().size() - kept.size());
        if (page.lastOfSegment()) {
            stats.segmentDone();
            log.info("Snapshot of {}: segment {} of {} done ({} item(s) scanned in it)", table, segment,
                    state.segments(), after.scanned());
            if (complete()) {
                log.info("Snapshot of {} (epoch {}) complete: {} item(s) scanned, {} row(s) superseded by stream"
                        + " changes", table, state.epoch(), stats.itemsScanned(), stats.rowsDropped());
            }
        }
    }

    private void checkRetention() {
        long now = System.nanoTime();
        if (retentionWarned || now - nextRetentionCheck < 0) {
            return;
        }
        nextRetentionCheck = now + RETENTION_CHECK_INTERVAL.toNanos();
        RetentionEstimate.duringScan(table, stats, settings.retention()).ifPresent(this::warnRetention);
    }

    private void warnRetention(String warning) {
        retentionWarned = true;
        stats.outlivesRetention(true);
        log.warn(warning);
    }

    /** Every segment this task runs is done and its rows handed to Connect. */
    public boolean complete() {
        for (SegmentProgress segment : progress) {
            if (!segment.done() && segments.contains(segment.partition().segment())) {
                return false;
            }
        }
        return true;
    }

    /** Stops the segment threads; pages not emitted are read again by the next run, from the committed offsets. */
    @Override
    public void close() {
        scanners.forEach(SegmentScanner::stop);
        if (threads != null) {
            threads.shutdownNow();
        }
        metrics.snapshotEnded(table);
    }
}
