package dev.shardbridge.source.read;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/**
 * What a failed Streams call means for the reader, decided in one place so the poll loop only acts on the
 * answer: back off and retry, re-acquire an iterator, apply the trimmed-data policy, or fail the task.
 */
public enum StreamFailure {
    /** Too many readers or requests: retry with exponential backoff and jitter; counted as a throttle. */
    THROTTLED,
    /** The shard iterator is older than 15 minutes: get a new one after the last emitted sequence number. */
    EXPIRED_ITERATOR,
    /** The position has been trimmed from the stream: the trimmed-data policy decides. */
    TRIMMED,
    /** The shard or stream is gone (table deleted, stream disabled and trimmed): stop reading it. */
    GONE,
    /** A transient server or network fault: retry with backoff. */
    TRANSIENT,
    /** Anything else (bad credentials, access denied, validation): retrying cannot help. */
    FATAL;

    public boolean retriable() {
        return this == THROTTLED || this == TRANSIENT;
    }

    public static StreamFailure classify(Throwable failure) {
        // Order matters: the specific DynamoDB exceptions are also AwsServiceExceptions with 4xx codes.
        if (failure instanceof ExpiredIteratorException) {
            return EXPIRED_ITERATOR;
        }
        if (failure instanceof TrimmedDataAccessException) {
            return TRIMMED;
        }
        if (failure instanceof ResourceNotFoundException) {
            return GONE;
        }
        if (failure instanceof LimitExceededException || failure instanceof ProvisionedThroughputExceededException
                || failure instanceof RequestLimitExceededException) {
            return THROTTLED;
        }
        if (failure instanceof AwsServiceException service) {
            if (service.isThrottlingException()) {
                return THROTTLED;
            }
            return service.statusCode() >= 500 ? TRANSIENT : FATAL;
        }
        // Connection refused, timeouts, resets: the SDK's own retries gave up, ours may still succeed.
        if (failure instanceof SdkClientException) {
            return TRANSIENT;
        }
        return FATAL;
    }
}
