package dev.shardbridge.emulator.fault;

import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.error.ErrorType;

/**
 * What a fault rule does to a request it selects. The error kinds answer with AWS's type, status and
 * wording, so SDKs classify them (retryable, throttling) exactly as they would against AWS.
 */
public enum FaultKind {
    /** A table over its provisioned capacity; SDKs retry it with throttling backoff. */
    PROVISIONED_THROUGHPUT_EXCEEDED(ErrorType.PROVISIONED_THROUGHPUT_EXCEEDED,
            "The level of configured provisioned throughput for the table was exceeded. "
                    + "Consider increasing your provisioning level with the UpdateTable API."),
    /** The account or API request rate throttle; SDKs retry it with throttling backoff. */
    THROTTLING(ErrorType.THROTTLING, "Rate of requests exceeds the allowed throughput."),
    /** How DynamoDB Streams refuses reads of a shard that is read too often. */
    LIMIT_EXCEEDED(ErrorType.LIMIT_EXCEEDED, "Rate exceeded for shard %s"),
    /** HTTP 500; SDKs retry it. */
    INTERNAL_SERVER_ERROR(ErrorType.INTERNAL_SERVER_ERROR, "Internal server error"),
    /** A share of a BatchWriteItem's writes is not applied and comes back in {@code UnprocessedItems}. */
    UNPROCESSED_ITEMS(null, null),
    /** The request is answered normally, but later. */
    LATENCY(null, null);

    private final ErrorType errorType;
    private final String messageFormat;

    FaultKind(ErrorType errorType, String messageFormat) {
        this.errorType = errorType;
        this.messageFormat = messageFormat;
    }

    /** True for the kinds that answer with an error instead of running the operation. */
    public boolean answersWithError() {
        return errorType != null;
    }

    DynamoDbException error(RequestScope scope) {
        if (errorType == null) {
            throw new IllegalStateException(this + " is not an error");
        }
        String shard = scope.shardId() == null ? "(unknown)" : scope.shardId();
        return new DynamoDbException(errorType, String.format(messageFormat, shard));
    }
}
