package dev.shardbridge.sink.errors;

import java.util.List;
import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/**
 * The one place that decides what a failure means for the sink. Everything that can go wrong
 * between a Kafka record and a durable write ends up here, so retry loops, the DLQ path and the
 * task's fatal path agree on every case.
 */
public final class FailureClassifier {

    /** DynamoDB's ValidationException messages that blame the item, not the request or the table. */
    private static final List<String> ITEM_VALIDATION_MESSAGES = List.of(
            "Item size has exceeded the maximum allowed size",
            "Item size to update has exceeded the maximum allowed size",
            "Type mismatch for key",
            "The provided key element does not match the schema",
            "Missing the key");

    private FailureClassifier() {
    }

    public static Failure classify(Throwable failure) {
        if (failure instanceof BadRecordException) {
            return new Failure(FailureKind.BAD_RECORD, failure.getMessage());
        }
        if (failure instanceof DataException) {
            // The envelope decoder's way of saying the value is not a change event.
            return new Failure(FailureKind.BAD_RECORD, "Not a change-event envelope: " + failure.getMessage());
        }
        if (failure instanceof UnprocessedItemsException) {
            return new Failure(FailureKind.RETRIABLE, failure.getMessage());
        }
        if (failure instanceof ConditionalCheckFailedException) {
            return new Failure(FailureKind.ALREADY_APPLIED, "Target already holds this change or a newer one");
        }
        if (failure instanceof AwsServiceException service) {
            return classifyService(service);
        }
        if (failure instanceof SdkClientException) {
            // No answer from the service (connection refused, timeout): the write may be retried safely
            // because every write is a guarded whole-item put.
            return new Failure(FailureKind.RETRIABLE, "Client error: " + failure.getMessage());
        }
        return new Failure(FailureKind.FATAL, failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    private static Failure classifyService(AwsServiceException service) {
        String code = service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode();
        String message = service.awsErrorDetails() == null ? service.getMessage() : service.awsErrorDetails().errorMessage();
        String reason = code + " (HTTP " + service.statusCode() + "): " + message;
        if (service instanceof ProvisionedThroughputExceededException
                || service instanceof RequestLimitExceededException
                || service.isThrottlingException()) {
            return new Failure(FailureKind.RETRIABLE, "Throttled: " + reason);
        }
        if (service.statusCode() >= 500) {
            return new Failure(FailureKind.RETRIABLE, "Server error: " + reason);
        }
        if ("ValidationException".equals(code) && message != null && blamesItem(message)) {
            return new Failure(FailureKind.BAD_RECORD, reason);
        }
        return new Failure(FailureKind.FATAL, reason);
    }

    private static boolean blamesItem(String message) {
        return ITEM_VALIDATION_MESSAGES.stream().anyMatch(message::contains);
    }
}
