package dev.shardbridge.sink.client;

import dev.shardbridge.sink.config.DynamoDbSinkConfig;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Builds the DynamoDB client for the target table from the sink config. */
public final class TargetClients {

    private TargetClients() {
    }

    public static DynamoDbClient create(DynamoDbSinkConfig config) {
        Region region = config.region().map(Region::of).orElse(null);
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .credentialsProvider(CredentialsProviders.from(config.credentials(), region))
                // The sink retries with its own bounded policy and error classification, so the SDK must
                // not retry underneath it and multiply the attempts.
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).build());
        config.endpointOverride().ifPresent(builder::endpointOverride);
        if (region != null) {
            builder.region(region);
        }
        return builder.build();
    }
}
