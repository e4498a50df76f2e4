package dev.shardbridge.emulator.testing;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The AWS SDK clients every emulator test uses, built as an application would for a local endpoint.
 * By default they never retry: a test must see the first answer, and a retried throttle or 500 would
 * hide it (and a durability test must know which attempt was answered). Fault tests that want the
 * SDK's own recovery use {@link #retryingTables}.
 */
public record SdkClients(DynamoDbClient tables, DynamoDbStreamsClient streams) implements AutoCloseable {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    /** A table client and a streams client for one endpoint, neither retrying. */
    public static SdkClients of(URI endpoint) {
        return new SdkClients(tables(endpoint), streams(endpoint));
    }

    public static DynamoDbClient tables(URI endpoint) {
        return tables(endpoint, AwsRetryStrategy.doNotRetry());
    }

    /**
     * A table client with AWS's retry rules (throttling and 5xx are retried) that backs off for
     * milliseconds instead of seconds and does not give up early, so fault tests stay fast.
     */
    public static DynamoDbClient retryingTables(URI endpoint) {
        BackoffStrategy quick = BackoffStrategy.exponentialDelay(Duration.ofMillis(1), Duration.ofMillis(20));
        return tables(endpoint, AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(30)
                .backoffStrategy(quick)
                .throttlingBackoffStrategy(quick)
                // The token bucket would stop retrying after a burst of failures: exactly what fault tests make.
                .circuitBreakerEnabled(false)
                .build());
    }

    public static DynamoDbStreamsClient streams(URI endpoint) {
        return DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(configuration(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static DynamoDbClient tables(URI endpoint, RetryStrategy retries) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .overrideConfiguration(configuration(retries))
                .build();
    }

    private static ClientOverrideConfiguration configuration(RetryStrategy retries) {
        return ClientOverrideConfiguration.builder().retryStrategy(retries).apiCallTimeout(Duration.ofSeconds(20))
                .build();
    }

    @Override
    public void close() {
        streams.close();
        tables.close();
    }
}
