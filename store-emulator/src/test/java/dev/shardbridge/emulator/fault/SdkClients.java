package dev.shardbridge.emulator.fault;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * SDK clients pointed at an emulator. The retrying kind keeps AWS's retry rules (throttling and 5xx
 * are retried) but backs off for milliseconds instead of seconds and never gives up early, so tests
 * of injected faults stay fast; the other kind does not retry, so a test sees each fault itself.
 */
public final class SdkClients {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private SdkClients() {
    }

    public static DynamoDbClient retrying(URI endpoint) {
        return dynamo(endpoint, patientRetries());
    }

    public static DynamoDbClient withoutRetries(URI endpoint) {
        return dynamo(endpoint, AwsRetryStrategy.doNotRetry());
    }

    public static DynamoDbStreamsClient streamsWithoutRetries(URI endpoint) {
        return DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).build())
                .build();
    }

    private static DynamoDbClient dynamo(URI endpoint, RetryStrategy retries) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(retries).build())
                .build();
    }

    private static RetryStrategy patientRetries() {
        BackoffStrategy quick = BackoffStrategy.exponentialDelay(Duration.ofMillis(1), Duration.ofMillis(20));
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(30)
                .backoffStrategy(quick)
                .throttlingBackoffStrategy(quick)
                // The token bucket would stop retrying after a burst of failures: exactly what these tests make.
                .circuitBreakerEnabled(false)
                .build();
    }
}
