package dev.shardbridge.emulator.error;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/**
 * An error answered to the client. Errors are data: the type decides the wire {@code __type} and HTTP
 * status, the message is AWS's wording where AWS has one.
 */
public final class DynamoDbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorType type;
    private final transient Map<String, AttributeValue> item;

    public DynamoDbException(ErrorType type, String message) {
        this(type, message, null);
    }

    private DynamoDbException(ErrorType type, String message, Map<String, AttributeValue> item) {
        // No stack trace: these are answers to clients, thrown on hot paths, not bugs.
        super(message, null, false, false);
        this.type = type;
        this.item = item;
    }

    public ErrorType type() {
        return type;
    }

    /** The item returned with a failed condition when ReturnValuesOnConditionCheckFailure=ALL_OLD. */
    public Map<String, AttributeValue> item() {
        return item;
    }

    public static DynamoDbException validation(String message) {
        return new DynamoDbException(ErrorType.VALIDATION, message);
    }

    /** AWS prefixes most item and schema validation messages with this phrase. */
    public static DynamoDbException invalidParameter(String detail) {
        return validation("One or more parameter values were invalid: " + detail);
    }

    public static DynamoDbException serialization(String message) {
        return new DynamoDbException(ErrorType.SERIALIZATION, message);
    }

    public static DynamoDbException resourceNotFound(String message) {
        return new DynamoDbException(ErrorType.RESOURCE_NOT_FOUND, message);
    }

    public static DynamoDbException resourceInUse(String message) {
        return new DynamoDbException(ErrorType.RESOURCE_IN_USE, message);
    }

    public static DynamoDbException conditionalCheckFailed() {
        return conditionalCheckFailed(null);
    }

    /** A failed condition, carrying the current item when the client asked for it. */
    public static DynamoDbException conditionalCheckFailed(Map<String, AttributeValue> item) {
        return new DynamoDbException(ErrorType.CONDITIONAL_CHECK_FAILED, "The conditional request failed", item);
    }
}
