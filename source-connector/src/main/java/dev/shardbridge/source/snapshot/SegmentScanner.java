package dev.shardbridge.source.snapshot;

import dev.shardbridge.source.read.PollPacing;
import dev.shardbridge.source.read.StreamFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Reads one segment of a table's parallel Scan on its own thread and hands each page to the poll thread. It
 * reads ahead by at most {@code pagesAhead} pages (a page is given back when emitted), so a slow consumer
 * holds a few pages in memory, not the table. Scans are strongly consistent: a row must not be older than a
 * change the stream already delivered.
 */
final class SegmentScanner implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SegmentScanner.class);

    /** The segment of the table, where it resumes and what it may use. */
    record Segment(String table, int segment, int totalSegments, Map<String, AttributeValue> resumeAfter) {
    }

    private final DynamoDbClient dynamoDb;
    private final Segment segment;
    private final int pageItems;
    private final ScanRateLimiter rateLimiter;
    private final ChangeWatermarks watermarks;
    private final Semaphore pagesAhead;
    private final Consumer<ScanPage> pages;
    private final Consumer<RuntimeException> failures;
    private final PollPacing pacing;
    private volatile boolean stopping;

    /**
     * @param rateLimiter null without a rate cap
     * @param pages       receives each page, in scan order
     * @param failures    receives a failure retrying cannot help; the scanner then ends
     */
    SegmentScanner(DynamoDbClient dynamoDb, Segment segment, int pageItems, ScanRateLimiter rateLimiter,
                   ChangeWatermarks watermarks, Semaphore pagesAhead, Consumer<ScanPage> pages,
                   Consumer<RuntimeException> failures, PollPacing pacing) {
        this.dynamoDb = dynamoDb;
        this.segment = segment;
        this.pageItems = pageItems;
        this.rateLimiter = rateLimiter;
        this.watermarks = watermarks;
        this.pagesAhead = pagesAhead;
        this.pages = pages;
        this.failures = failures;
        this.pacing = pacing;
    }

    @Override
    public void run() {
        Map<String, AttributeValue> startKey = segment.resumeAfter();
        try {
            while (!stopping) {
                pagesAhead.acquire();
                ScanPage page = scanPage(startKey);
                if (page == null) {
                    pagesAhead.release();
                    continue;
                }
                if (page.lastOfSegment()) {
                    return;
                }
                startKey = page.lastEvaluatedKey();
            }
        } catch (InterruptedException | AbortedException stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopping) {
                failures.accept(e);
            }
        }
    }

    /** One page handed on, or null after a failure worth retrying (already waited out). */
    private ScanPage scanPage(Map<String, AttributeValue> startKey) throws InterruptedException {
        int limit = rateLimiter == null ? pageItems : rateLimiter.take(pageItems);
        long watermark = watermarks.open();
        ScanResponse response;
        try {
            response = dynamoDb.scan(request(startKey, limit));
        } catch (SdkException e) {
            watermarks.cancel(watermark);
            if (rateLimiter != null) {
                rateLimiter.giveBack(limit);
            }
            if (stopping || !StreamFailure.classify(e).retriable()) {
                throw e;
            }
            Duration backoff = pacing.afterThrottle();
            log.debug("Snapshot of {} segment {}: {}; retrying in {} ms", segment.table(), segment.segment(),
                    e.getMessage(), backoff.toMillis());
            Thread.sleep(backoff.toMillis());
            return null;
        }
        long received = System.nanoTime();
        pacing.afterRecords();
        if (rateLimiter != null) {
            rateLimiter.giveBack(limit - response.count());
        }
        Map<String, AttributeValue> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey() : null;
        ScanPage page = new ScanPage(segment.segment(), watermark, received, response.items(), next);
        pages.accept(page);
        return page;
    }

    private ScanRequest request(Map<String, AttributeValue> startKey, int limit) {
        ScanRequest.Builder request = ScanRequest.builder().tableName(segment.table()).segment(segment.segment())
                .totalSegments(segment.totalSegments()).limit(limit).consistentRead(true);
        if (startKey != null) {
            request.exclusiveStartKey(startKey);
        }
        return request.build();
    }

    void stop() {
        stopping = true;
    }
}
