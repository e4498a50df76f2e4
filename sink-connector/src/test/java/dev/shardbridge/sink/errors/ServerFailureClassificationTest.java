package dev.shardbridge.sink.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.event.Operation;
import dev.shardbridge.event.connect.EnvelopeDecoder;
import dev.shardbridge.sink.Changes;
import dev.shardbridge.sink.guard.GuardedRequests;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The classifier against the failures a DynamoDB-compatible server really returns, so its message
 * matching is checked against real messages and not only against the ones the unit test made up.
 */
class ServerFailureClassificationTest {

    private static StoreEmulator emulator;
    private static DynamoDbClient client;
    private final GuardedRequests requests = new GuardedRequests("_v", "_deleted");

    @BeforeAll
    static void startEmulator() {
        emulator = StoreEmulator.start();
        client = DynamoDbClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        client.createTable(b -> b.tableName("numbered").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.N).build()));
    }

    @AfterAll
    static void stopEmulator() {
        client.close();
        emulator.close();
    }

    @Test
    void aKeyOfTheWrongTypeIsABadRecord() {
        PutItemRequest put = requests.forChange("numbered", Changes.put(Operation.CREATE, "text", "1", 1));

        Failure failure = FailureClassifier.classify(catchThrowable(() -> client.putItem(put)));

        assertThat(failure.kind()).as(failure.reason()).isEqualTo(FailureKind.BAD_RECORD);
    }

    @Test
    void anOversizedItemIsABadRecord() {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", AttributeValue.fromN("1")));
        item.put("blob", AttributeValue.fromS("x".repeat(410 * 1024)));

        Failure failure = FailureClassifier.classify(catchThrowable(
                () -> client.putItem(b -> b.tableName("numbered").item(item))));

        assertThat(failure.kind()).as(failure.reason()).isEqualTo(FailureKind.BAD_RECORD);
    }

    @Test
    void aMissingTargetTableIsFatal() {
        PutItemRequest put = requests.forChange("absent", Changes.put(Operation.CREATE, "a", "1", 1));

        Failure failure = FailureClassifier.classify(catchThrowable(() -> client.putItem(put)));

        assertThat(failure.kind()).as(failure.reason()).isEqualTo(FailureKind.FATAL);
        assertThat(failure.reason()).startsWith("ResourceNotFoundException (HTTP 400)");
    }

    @Test
    void aValueThatIsNotAnEnvelopeIsABadRecord() {
        Failure failure = FailureClassifier.classify(catchThrowable(() -> EnvelopeDecoder.decode("not an envelope")));

        assertThat(failure.kind()).isEqualTo(FailureKind.BAD_RECORD);
        assertThat(failure.reason()).startsWith("Not a change-event envelope: ");
    }
}
