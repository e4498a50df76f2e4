package dev.shardbridge.common.aws;

import dev.shardbridge.emulator.StoreEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;


import static org.assertj.core.api.Assertions.assertThat;

/** The clients reach a real DynamoDB-protocol server through the endpoint override, for both APIs. */
class AwsClientsEmulatorTest {

    private static StoreEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = StoreEmulator.start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void tableAndStreamsClientsTalkToTheOverriddenEndpoint() {
        AwsClients clients = new AwsClients(AwsAccessSettings.of("aws.region", "us-east-1",
                "aws.endpoint.override", emulator.endpoint().toString(),
                "aws.credentials.provider", "static", "aws.access.key.id", "local", "aws.secret.access.key", "local"));
        try (DynamoDbClient dynamoDb = clients.dynamoDb(); DynamoDbStreamsClient streams = clients.streams()) {
            String streamArn = dynamoDb.createTable(request -> request.tableName("orders")
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()))
                    .tableDescription().latestStreamArn();

            assertThat(streams.listStreams(request -> request.tableName("orders")).streams())
                    .extracting(stream -> stream.streamArn()).containsExactly(streamArn);
            assertThat(streams.describeStream(request -> request.streamArn(streamArn))
                    .streamDescription().shards()).isNotEmpty();
        }
    }
}
