package dev.shardbridge.emulator.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The Netty HTTP/1.1 server. Sockets are served by a small I/O group; operations run on a separate
 * executor group so that a slow operation (an fsync, an injected delay) never stalls other connections.
 */
public final class HttpServer implements AutoCloseable {
    private final EventLoopGroup acceptors = new NioEventLoopGroup(1);
    private final EventLoopGroup io;
    private final EventExecutorGroup workers;
    private final Channel channel;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

    public HttpServer(String host, int port, ApiEndpoint endpoint, int workerThreads) throws InterruptedException {
        this.io = new NioEventLoopGroup(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        this.workers = new DefaultEventExecutorGroup(workerThreads);
        HttpRequestHandler handler = new HttpRequestHandler(endpoint);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline()
                                .addLast(new HttpServerCodec(8192, 32 * 1024, 64 * 1024))
                                .addLast(new HttpServerKeepAliveHandler())
                                .addLast(new BoundedJsonAggregator())
                                .addLast(workers, handler);
                    }
                });
        try {
            this.channel = bootstrap.bind(host, port).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            shutdown();
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        // Close open connections while every executor is alive: a pipeline's teardown hops between
        // the I/O loop and the worker group, and fails if either is already gone.
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        shutdown();
    }

    /**
     * Workers stop before the I/O loops: a closed channel's pipeline teardown runs on the worker and then
     * hops back to the channel's I/O loop, which must still be alive to take it.
     */
    private void shutdown() {
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
