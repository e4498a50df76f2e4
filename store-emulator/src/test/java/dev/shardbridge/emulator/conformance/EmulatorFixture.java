package dev.shardbridge.emulator.conformance;

import dev.shardbridge.emulator.testing.SdkClients;
import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.emulator.differential.DynamoDbLocalServer;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One server per test class and an AWS SDK client for it, registered with
 * {@code @RegisterExtension static final EmulatorFixture emulator = new EmulatorFixture();}. Tables get
 * unique names, so the tests of a class share the server without seeing each other's data.
 *
 * <p>With {@code -Dshardbridge.conformance.target=dynamodb-local} the same tests run against AWS's
 * DynamoDB Local instead, to check an expectation against a second implementation.
 */
public final class EmulatorFixture implements BeforeAllCallback, AfterAllCallback {
    private static final boolean AGAINST_DYNAMODB_LOCAL =
            "dynamodb-local".equals(System.getProperty("shardbridge.conformance.target"));

    private final AtomicInteger tableCounter = new AtomicInteger();
    private AutoCloseable server;
    private URI endpoint;
    private DynamoDbClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (AGAINST_DYNAMODB_LOCAL) {
            DynamoDbLocalServer local = DynamoDbLocalServer.start();
            server = local;
            endpoint = local.endpoint();
        } else {
            StoreEmulator emulator = StoreEmulator.start();
            server = emulator;
            endpoint = emulator.endpoint();
        }
        client = clientFor(endpoint);
    }

    /** Drops the server too: the extension lives as long as its test class, the data need not. */
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        client.close();
        server.close();
        client = null;
        server = null;
    }

    /**
     * An SDK client as an application would build one for a local endpoint, except that it never
     * retries: a test must see the first answer, and a retried throttle or 500 would hide it.
     */
    public static DynamoDbClient clientFor(URI endpoint) {
        return SdkClients.tables(endpoint);
    }

    public DynamoDbClient client() {
        return client;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A table name no other test of this class uses. */
    public String uniqueTableName(String purpose) {
        return purpose + "-" + tableCounter.incrementAndGet();
    }

    /** Creates an on-demand table with a partition key {@code pk} of the given type; answers its name. */
    public String createHashTable(ScalarAttributeType pkType) {
        String name = uniqueTableName("hash");
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH))
                .attributeDefinitions(attribute("pk", pkType)));
        return name;
    }

    /** Creates an on-demand table with partition key {@code pk} and sort key {@code sk}; answers its name. */
    public String createCompositeTable(ScalarAttributeType pkType, ScalarAttributeType skType) {
        String name = uniqueTableName("composite");
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .attributeDefinitions(attribute("pk", pkType), attribute("sk", skType)));
        return name;
    }

    public static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    public static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }
}
