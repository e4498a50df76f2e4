package dev.shardbridge.source.snapshot;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

/**
 * One Scan page of a segment, waiting to be emitted.
 *
 * @param segment          the segment it belongs to
 * @param watermark        the change index reached when the page was requested ({@link ChangeWatermarks#open()})
 * @param receivedNanos    when the response arrived ({@code System.nanoTime()}): every change visible to the
 *                         scan happened before it
 * @param items            the items, in scan order
 * @param lastEvaluatedKey where the segment continues; null when this was its last page
 */
record ScanPage(int segment, long watermark, long receivedNanos, List<Map<String, AttributeValue>> items,
                Map<String, AttributeValue> lastEvaluatedKey) {

    boolean lastOfSegment() {
        return lastEvaluatedKey == null;
    }
}
