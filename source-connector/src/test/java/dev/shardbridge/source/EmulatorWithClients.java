package dev.shardbridge.source;

import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.emulator.admin.EmulatorAdmin;
import dev.shardbridge.common.aws.AwsClients;
import dev.shardbridge.source.config.DynamoDbStreamsSourceConfig;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * An embedded emulator per test class with the clients the connector itself would build for it
 * ({@link AwsClients} from a source config pointing at the emulator):
 * {@code @RegisterExtension static final EmulatorWithClients emulator = new EmulatorWithClients();}
 */
public final class EmulatorWithClients implements BeforeAllCallback, AfterAllCallback {
    private StoreEmulator emulator;
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient streams;

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = StoreEmulator.start();
        AwsClients clients = new AwsClients(new DynamoDbStreamsSourceConfig(Map.of(
                "tables", "unused", "aws.region", "us-east-1", "aws.endpoint.override", emulator.endpoint().toString(),
                "aws.credentials.provider", "static", "aws.access.key.id", "local", "aws.secret.access.key", "local")).awsAccess());
        dynamoDb = clients.dynamoDb();
        streams = clients.streams();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        streams.close();
        dynamoDb.close();
        emulator.close();
    }

    public java.net.URI endpoint() {
        return emulator.endpoint();
    }

    public EmulatorAdmin admin() {
        return emulator.admin();
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public DynamoDbStreamsClient streams() {
        return streams;
    }
}
