package dev.shardbridge.emulator.operation;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One API operation: validates its request and answers a response body or a DynamoDbException. */
public interface Operation {

    /** The operation name as it appears after the dot in {@code X-Amz-Target}. */
    String name();

    ObjectNode execute(Request request);
}
