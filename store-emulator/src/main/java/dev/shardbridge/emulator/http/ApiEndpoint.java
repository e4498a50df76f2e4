package dev.shardbridge.emulator.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.error.ErrorType;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.OperationRegistry;
import dev.shardbridge.emulator.operation.Request;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON 1.0 protocol, independent of the HTTP server: checks method, content type and target,
 * parses the body, dispatches to the operation and turns every outcome into an AWS-shaped answer.
 * Nothing a client sends can make it throw.
 */
public final class ApiEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ApiEndpoint.class);

    private final OperationRegistry operations;
    private final String healthText;
    private final List<OperationInterceptor> interceptors;
    private final AdminRoute admin;

    public ApiEndpoint(OperationRegistry operations, String region) {
        this(operations, region, List.of(), AdminRoute.NONE);
    }

    public ApiEndpoint(OperationRegistry operations, String region, List<OperationInterceptor> interceptors,
                       AdminRoute admin) {
        this.operations = operations;
        this.healthText = "healthy: dynamodb." + region + ".amazonaws.com ";
        this.interceptors = List.copyOf(interceptors);
        this.admin = admin;
    }

    public ApiResponse handle(String method, String path, String target, String contentType, byte[] body) {
        if (path != null && path.startsWith(AdminRoute.PREFIX)) {
            return admin.handle(method, path, body);
        }
        if ("GET".equals(method) && target == null) {
            return new ApiResponse(200, "text/plain", healthText.getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!"POST".equals(method)) {
                throw new DynamoDbException(ErrorType.UNKNOWN_OPERATION, "Only POST requests are accepted");
            }
            if (!isJson(contentType)) {
                throw new DynamoDbException(ErrorType.UNKNOWN_OPERATION,
                        "Content-Type must be application/x-amz-json-1.0");
            }
            Operation operation = operations.lookup(target);
            ObjectNode response = execute(target, operation, new Request(parse(body)));
            return new ApiResponse(200, ErrorBodies.JSON_10, Json.MAPPER.writeValueAsBytes(response));
        } catch (DynamoDbException e) {
            return ErrorBodies.of(e);
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.error("Internal error serving {}", target, e);
            return ErrorBodies.of(new DynamoDbException(ErrorType.INTERNAL_SERVER_ERROR,
                    "Internal server error: " + e.getClass().getSimpleName()));
        }
    }

    private ObjectNode execute(String target, Operation operation, Request request) {
        for (OperationInterceptor interceptor : interceptors) {
            ObjectNode substitute = interceptor.beforeOperation(target, request);
            if (substitute != null) {
                return substitute;
            }
        }
        ObjectNode response = operation.execute(request);
        for (OperationInterceptor interceptor : interceptors) {
            interceptor.afterOperation(target, request, response);
        }
        return response;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim();
        return mediaType.equalsIgnoreCase(ErrorBodies.JSON_10) || mediaType.equalsIgnoreCase("application/json");
    }

    private static ObjectNode parse(byte[] body) {
        JsonNode node;
        try {
            node = body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw DynamoDbException.serialization("Request document is nested too deeply or too large");
        } catch (JacksonException e) {
            throw DynamoDbException.serialization("Malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw DynamoDbException.serialization("Unreadable request body");
        }
        if (node == null || !node.isObject()) {
            throw DynamoDbException.serialization("Request body must be a JSON object");
        }
        return (ObjectNode) node;
    }
}
