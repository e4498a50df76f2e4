package dev.shardbridge.emulator.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.UUID;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adapts Netty's full HTTP requests to the {@link ApiEndpoint} and writes its answers back. */
@ChannelHandler.Sharable
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRequestHandler.class);

    private final ApiEndpoint endpoint;

    HttpRequestHandler(ApiEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            ApiResponse answer = new ApiResponse(400, "text/plain", "Bad Request".getBytes());
            write(ctx, answer, false);
            return;
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        ApiResponse answer = endpoint.handle(request.method().name(), query < 0 ? uri : uri.substring(0, query),
                request.headers().get("X-Amz-Target"),
                request.headers().get(HttpHeaderNames.CONTENT_TYPE),
                ByteBufUtil.getBytes(request.content()));
        write(ctx, answer, HttpUtil.isKeepAlive(request));
    }

    static void write(ChannelHandlerContext ctx, ApiResponse answer, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        CRC32 crc = new CRC32();
        crc.update(answer.body());
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length)
                .set("x-amzn-RequestId", UUID.randomUUID().toString())
                // AWS SDKs verify this checksum of the body when it is present, as DynamoDB sends it.
                .set("x-amz-crc32", Long.toString(crc.getValue()));
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Closing connection after error", cause);
        ctx.close();
    }
}
