package dev.shardbridge.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.model.AttributeValueJson;
import dev.shardbridge.emulator.operation.Json;

/** Renders errors as AWS's JSON 1.0 protocol does: {@code {"__type": "...#Name", "message": "..."}}. */
final class ErrorBodies {
    static final String JSON_10 = "application/x-amz-json-1.0";

    private ErrorBodies() {
    }

    static ApiResponse of(DynamoDbException error) {
        ObjectNode body = Json.object().put("__type", error.type().wireType());
        if (error.getMessage() != null) {
            body.put("message", error.getMessage());
        }
        if (error.item() != null) {
            body.set("Item", AttributeValueJson.writeItem(error.item()));
        }
        try {
            return new ApiResponse(error.type().httpStatus(), JSON_10, Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body always serialises", e);
        }
    }
}
