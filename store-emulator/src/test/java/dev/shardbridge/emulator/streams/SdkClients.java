package dev.shardbridge.emulator.streams;

import dev.shardbridge.emulator.conformance.EmulatorFixture;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The AWS SDK's table and streams clients for one endpoint: the table client the conformance tests use,
 * and a streams client built the same way. Neither retries: the SDK would otherwise retry throttling
 * answers such as {@code LimitExceededException} and 5xx errors, and the tests want the first answer.
 */
record SdkClients(DynamoDbClient tables, DynamoDbStreamsClient streams) implements AutoCloseable {

    static SdkClients of(URI endpoint) {
        DynamoDbClient tables = EmulatorFixture.clientFor(endpoint);
        DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        return new SdkClients(tables, streams);
    }

    @Override
    public void close() {
        streams.close();
        tables.close();
    }
}
