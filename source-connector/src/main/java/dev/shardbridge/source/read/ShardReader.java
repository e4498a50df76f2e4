package dev.shardbridge.source.read;

import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.List;
import java.util.Optional;

/**
 * Reads one shard page by page and remembers where it is. The position is the last sequence number handed
 * out, never the iterator: iterators expire after 15 minutes, sequence numbers do not, and a committed
 * offset holds exactly that number, so a restarted reader continues {@code AFTER_SEQUENCE_NUMBER}.
 * One instance per shard, used by one thread.
 */
public final class ShardReader {

    /** One GetRecords result; {@code drained} once the shard is closed and its last record returned. */
    public record Page(List<Record> records, boolean drained) {
    }

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String shardId;
    private final int limit;
    private ShardStart start;
    private String lastSequenceNumber;
    private String iterator;
    private boolean drained;
    /** Whether any call found the shard still open (or returned records): a "latest" read then really followed it. */
    private boolean seenOpen;

    /**
     * @param start where to begin; {@link ShardStart.Done} makes a reader that is drained from the outset
     */
    public ShardReader(DynamoDbStreamsClient streams, String streamArn, String shardId, ShardStart start, int limit) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.shardId = shardId;
        this.limit = limit;
        this.start = start;
        if (start instanceof ShardStart.After after) {
            lastSequenceNumber = after.sequenceNumber();
        }
        drained = start instanceof ShardStart.Done;
    }

    /**
     * The next page. An expired iterator is replaced from the last sequence number and the call repeated
     * once; every other failure reaches the caller, to be classified by {@link StreamFailure}.
     */
    public Page poll() {
        if (drained) {
            return new Page(List.of(), true);
        }
        GetRecordsResponse response;
        try {
            response = getRecords();
        } catch (ExpiredIteratorException e) {
            iterator = null;
            response = getRecords();
        }
        List<Record> records = response.records();
        if (!records.isEmpty()) {
            lastSequenceNumber = records.get(records.size() - 1).dynamodb().sequenceNumber();
        }
        iterator = response.nextShardIterator();
        drained = iterator == null;
        seenOpen |= !drained || !records.isEmpty();
        return new Page(records, drained);
    }

    public Optional<String> lastSequenceNumber() {
        return Optional.ofNullable(lastSequenceNumber);
    }

    /**
     * True when this reader began at {@code latest} and found the shard already closed, having read nothing:
     * the shard predates the connector's first look at it.
     */
    public boolean skippedClosedShard() {
        return drained && start instanceof ShardStart.Latest && !seenOpen && lastSequenceNumber == null;
    }

    /**
     * After {@code TrimmedDataAccessException} under the {@code skip} policy: continue at the oldest record
     * still retained. The caller logs and counts the gap; this only moves the position.
     */
    public void skipToTrimHorizon() {
        iterator = null;
        lastSequenceNumber = null;
        start = new ShardStart.TrimHorizon();
    }

    private GetRecordsResponse getRecords() {
        if (iterator == null) {
            iterator = streams.getShardIterator(iteratorRequest()).shardIterator();
        }
        String current = iterator;
        return streams.getRecords(request -> request.shardIterator(current).limit(limit));
    }

    private GetShardIteratorRequest iteratorRequest() {
        GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder()
                .streamArn(streamArn).shardId(shardId);
        if (lastSequenceNumber != null) {
            return request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                    .sequenceNumber(lastSequenceNumber).build();
        }
        return request.shardIteratorType(start instanceof ShardStart.Latest
                ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON).build();
    }
}
