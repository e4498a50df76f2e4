package dev.shardbridge.emulator.differential;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;

/**
 * AWS's DynamoDB Local 2.6.1, in this JVM, in memory, one database for all credentials: the oracle the
 * differential suite compares the emulator with.
 */
public final class DynamoDbLocalServer implements AutoCloseable {
    private static final String SQLITE4JAVA_CLASS = "com.almworks.sqlite4java.SQLiteQueue";

    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static DynamoDbLocalServer start() {
        requireSqlite4java();
        try {
            int port = freePort();
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-sharedDb", "-port", Integer.toString(port)});
            server.start();
            return new DynamoDbLocalServer(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /**
     * DynamoDB Local extracts its own SQLite natives but needs the sqlite4java jar, which reaches a
     * project only through the per-OS native artifacts; excluding those drops the jar too. Say so
     * plainly instead of failing later with a NoClassDefFoundError deep inside DynamoDB Local.
     */
    private static void requireSqlite4java() {
        try {
            Class.forName(SQLITE4JAVA_CLASS, false, DynamoDbLocalServer.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("DynamoDB Local needs com.almworks.sqlite4java:sqlite4java:1.0.392 on the "
                    + "test classpath: declare it as a test dependency next to DynamoDBLocal (excluding the native "
                    + "artifacts also drops this jar)", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
