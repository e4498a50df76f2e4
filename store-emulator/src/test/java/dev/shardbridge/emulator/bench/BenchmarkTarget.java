package dev.shardbridge.emulator.bench;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.shardbridge.emulator.EmulatorSettings;
import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.emulator.durability.Durability;
import dev.shardbridge.emulator.durability.FsyncPolicy;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

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

    /** A target by its {@code -Dbench.targets} name. */
    static BenchmarkTarget named(String name) throws Exception {
        return switch (name) {
            case "emulator" -> emulator();
            case "emulator-fsync-interval" -> durableEmulator(FsyncPolicy.INTERVAL);
            case "emulator-fsync-always" -> durableEmulator(FsyncPolicy.ALWAYS);
            case "dynamodb-local" -> dynamoDbLocal();
            default -> throw new IllegalArgumentException("unknown benchmark target '" + name + "'; known: emulator, "
                    + "emulator-fsync-interval, emulator-fsync-always, dynamodb-local");
        };
    }

    /** The emulator with {@code --data-dir} (a temporary directory, deleted on close) and the given policy. */
    static BenchmarkTarget durableEmulator(FsyncPolicy policy) throws IOException {
        Path dataDir = Files.createTempDirectory("emulator-bench-");
        StoreEmulator emulator = StoreEmulator.start(EmulatorSettings.defaults()
                .withDurability(Durability.inDirectory(dataDir).withFsync(policy)));
        return new BenchmarkTarget() {
            public String name() {
                return "emulator, fsync " + policy;
            }

            public URI endpoint() {
                return emulator.endpoint();
            }

            public void close() throws IOException {
                emulator.close();
                try (Stream<Path> files = Files.walk(dataDir)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
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
