package dev.shardbridge.emulator.operation;

import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.error.ErrorType;
import java.util.HashMap;
import java.util.Map;

/** Dispatch by {@code X-Amz-Target}: the service prefix plus the operation name. */
public final class OperationRegistry {
    public static final String DYNAMODB_PREFIX = "DynamoDB_20120810";
    public static final String STREAMS_PREFIX = "DynamoDBStreams_20120810";

    private final Map<String, Operation> byTarget = new HashMap<>();

    public OperationRegistry register(String servicePrefix, Operation operation) {
        String target = servicePrefix + "." + operation.name();
        if (byTarget.putIfAbsent(target, operation) != null) {
            throw new IllegalStateException("two operations for " + target);
        }
        return this;
    }

    /** The operation for a target header value, or UnknownOperationException. */
    public Operation lookup(String target) {
        Operation operation = target == null ? null : byTarget.get(target);
        if (operation == null) {
            throw new DynamoDbException(ErrorType.UNKNOWN_OPERATION, null);
        }
        return operation;
    }
}
