package dev.shardbridge.emulator.bench;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.shardbridge.emulator.StoreEmulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;

/** A server under benchmark, started in this JVM so both run on the same machine in the same run. */
interface BenchmarkTarget extends AutoCloseable {

    String name();

    URI endpoint();

    @Override
    void close() throws Exception;

    static BenchmarkTarget emulator() {
        StoreEmulator emulator = StoreEmulator.start();
        return new BenchmarkTarget() {
            public String name() {
                return "shardbridge emulator";
            }

            public URI endpoint() {
                return emulator.endpoint();
            }

            public void close() {
                emulator.close();
            }
        };
    }

    static BenchmarkTarget dynamoDbLocal() throws Exception {
        int port = freePort();
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-sharedDb", "-port", Integer.toString(port)});
        server.start();
        return new BenchmarkTarget() {
            public String name() {
                return "DynamoDB Local 2.6.1";
            }

            public URI endpoint() {
                return URI.create("http://127.0.0.1:" + port);
            }

            public void close() throws Exception {
                server.stop();
            }
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
