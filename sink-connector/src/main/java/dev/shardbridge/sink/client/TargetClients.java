package dev.shardbridge.sink.client;

import dev.shardbridge.sink.config.DynamoDbSinkConfig;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Builds the DynamoDB client for the target table from the sink config. */
public final class TargetClients {

    /** The pool never starves the task's writers: one connection per in-flight request, plus spare. */
    private static final int SPARE_CONNECTIONS = 4;
    /** Validation answers a user waiting on the REST API: an unreachable endpoint must fail fast. */
    private static final Duration VALIDATION_CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration VALIDATION_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private TargetClients() {
    }

    /** The task's client: no SDK retries, a connection per in-flight request. */
    public static DynamoDbClient create(DynamoDbSinkConfig config) {
        return builder(config, ApacheHttpClient.builder().maxConnections(config.maxInFlightRequests() + SPARE_CONNECTIONS),
                ClientOverrideConfiguration.builder()).build();
    }

    /** A client for {@code validate()}: short timeouts, so a wrong endpoint answers within seconds. */
    public static DynamoDbClient createForValidation(DynamoDbSinkConfig config) {
        return builder(config, ApacheHttpClient.builder().connectionTimeout(VALIDATION_CONNECT_TIMEOUT)
                        .socketTimeout(VALIDATION_CALL_TIMEOUT),
                ClientOverrideConfiguration.builder().apiCallTimeout(VALIDATION_CALL_TIMEOUT)).build();
    }

    private static DynamoDbClientBuilder builder(DynamoDbSinkConfig config, ApacheHttpClient.Builder http,
                                                 ClientOverrideConfiguration.Builder overrides) {
        Region region = config.region().map(Region::of).orElse(null);
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .credentialsProvider(CredentialsProviders.from(config.credentials(), region))
                .httpClientBuilder(http)
                // The sink retries with its own bounded policy and error classification, so the SDK must
                // not retry underneath it and multiply the attempts.
                .overrideConfiguration(overrides.retryStrategy(AwsRetryStrategy.doNotRetry()).build());
        config.endpointOverride().ifPresent(builder::endpointOverride);
        if (region != null) {
            builder.region(region);
        }
        return builder;
    }
}
