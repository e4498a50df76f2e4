package dev.shardbridge.emulator.http;

import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.error.ErrorType;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/**
 * Collects a request body up to the largest request DynamoDB accepts; anything bigger is answered
 * with an AWS-shaped 413 error instead of being buffered, and the connection is closed.
 */
final class BoundedJsonAggregator extends HttpObjectAggregator {
    /** 16 MB of BatchWriteItem payload plus room for the JSON around it. */
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024 + 512 * 1024;

    BoundedJsonAggregator() {
        super(MAX_REQUEST_BYTES, true);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ApiResponse answer = ErrorBodies.of(new DynamoDbException(ErrorType.REQUEST_TOO_LARGE,
                "Request size " + "exceeds " + MAX_REQUEST_BYTES + " bytes"));
        HttpRequestHandler.write(ctx, answer, false);
    }
}
