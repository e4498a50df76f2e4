package dev.shardbridge.source.cluster;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

/**
 * AWS's DynamoDB Local 2.6.1 in this JVM, in memory, one database for all credentials, with its test control
 * switched on so a test can make it roll every open stream shard over.
 *
 * <p>Why test control: DynamoDB Local closes a shard and opens a child (with {@code ParentShardId}) only when the
 * shard is four hours old, checked every 7.5 minutes; disabling and re-enabling a stream makes a new stream, not
 * a child shard. Its request handler has a test-control switch for exactly this — a PutItem to the table
 * {@code [TEST_CONTROL]} with {@code ACTION = ROLLOVER} rolls every open shard at once — but the switch is only
 * reachable through a package-private constructor, which the command line never calls. This class calls it;
 * nothing else of DynamoDB Local is touched.
 */
final class DynamoDbLocalServer implements AutoCloseable {

    private static final String SQLITE4JAVA_CLASS = "com.almworks.sqlite4java.SQLiteQueue";
    private static final String TEST_CONTROL_TABLE = "[TEST_CONTROL]";

    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static DynamoDbLocalServer start() {
        requireSqlite4java();
        try {
            int port = freePort();
            DynamoDBProxyServer server = new DynamoDBProxyServer(port,
                    new LocalDynamoDBServerHandler(requestHandlerWithTestControl(), "*"));
            server.start();
            return new DynamoDbLocalServer(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Closes every open shard of every stream and opens a child for each, as AWS does every few hours. */
    void rollShards(DynamoDbClient dynamoDb) {
        dynamoDb.putItem(request -> request.tableName(TEST_CONTROL_TABLE)
                .item(Map.of("ACTION", AttributeValue.fromS("ROLLOVER"))));
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** In memory, shared database, no transient-status delays, test control on. */
    private static DynamoDBRequestHandler requestHandlerWithTestControl() throws ReflectiveOperationException {
        Constructor<LocalDynamoDBRequestHandler> constructor = LocalDynamoDBRequestHandler.class.getDeclaredConstructor(
                int.class, boolean.class, String.class, boolean.class, boolean.class, boolean.class);
        constructor.setAccessible(true);
        return constructor.newInstance(0, true, null, true, false, true);
    }

    /**
     * DynamoDB Local extracts its own SQLite natives but needs the sqlite4java jar, which reaches a project only
     * through the per-OS native artifacts the parent POM excludes; say so instead of failing deep inside it.
     */
    private static void requireSqlite4java() {
        try {
            Class.forName(SQLITE4JAVA_CLASS, false, DynamoDbLocalServer.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("DynamoDB Local needs com.almworks.sqlite4java:sqlite4java on the test "
                    + "classpath next to DynamoDBLocal", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
