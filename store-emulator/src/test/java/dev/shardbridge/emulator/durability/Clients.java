package dev.shardbridge.emulator.durability;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * SDK clients for one emulator, without retries: a durability test must know which attempt of a write
 * was answered, and a retry after a crash would blur that.
 */
record Clients(DynamoDbClient dynamo, DynamoDbStreamsClient streams) implements AutoCloseable {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    static Clients of(URI endpoint) {
        ClientOverrideConfiguration noRetries = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(20)).build();
        return new Clients(
                DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                        .credentialsProvider(CREDENTIALS).overrideConfiguration(noRetries)
                        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(32)).build(),
                DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                        .credentialsProvider(CREDENTIALS).overrideConfiguration(noRetries).build());
    }

    @Override
    public void close() {
        dynamo.close();
        streams.close();
    }
}
