package dev.shardbridge.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.operation.Request;

/**
 * Runs around every API operation: fault injection before it, durability barriers after it. Both
 * methods may throw a {@code DynamoDbException}, which is answered like any operation error.
 */
public interface OperationInterceptor {

    /**
     * Called before the operation with the full target (e.g. {@code DynamoDB_20120810.PutItem}). May
     * change the request body, or return a response to answer instead of running the operation.
     *
     * @return null to run the operation, or the response to send instead
     */
    default ObjectNode beforeOperation(String target, Request request) {
        return null;
    }

    /** Called after the operation succeeded, before its response is sent; may amend the response. */
    default void afterOperation(String target, Request request, ObjectNode response) {
    }
}
