package dev.shardbridge.source.aws;

import dev.shardbridge.source.config.CredentialsSettings;
import dev.shardbridge.source.config.DynamoDbStreamsSourceConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.net.URI;
import java.util.Optional;

/**
 * Builds the SDK clients the connector and its tasks use, all from one configuration, so that endpoint,
 * region and credentials can never differ between the table API and the streams API.
 */
public final class AwsClients {

    private final Optional<URI> endpointOverride;
    private final Optional<Region> region;
    private final CredentialsSettings credentials;
    private final ClientOverrideConfiguration overrides;

    public AwsClients(DynamoDbStreamsSourceConfig config) {
        this(config, ClientOverrideConfiguration.builder().build());
    }

    /**
     * Clients with timeouts and retries other than the SDK's defaults, for callers that must answer quickly
     * (the connector's {@code validate()}) rather than ride out a slow or flaky store.
     */
    public AwsClients(DynamoDbStreamsSourceConfig config, ClientOverrideConfiguration overrides) {
        this.endpointOverride = config.endpointOverride().map(URI::create);
        this.region = config.region().map(Region::of);
        this.credentials = config.credentials();
        this.overrides = overrides;
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder()).build();
    }

    public DynamoDbStreamsClient streams() {
        return configure(DynamoDbStreamsClient.builder()).build();
    }

    /**
     * The provider for the configured kind. Building one does no I/O: profiles are read and roles assumed
     * when credentials are first resolved, so a bad setting surfaces on the first call, not here.
     */
    public AwsCredentialsProvider credentialsProvider() {
        return switch (credentials.kind()) {
            case DEFAULT -> DefaultCredentialsProvider.builder().build();
            case STATIC -> StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    credentials.accessKeyId().orElseThrow(),
                    credentials.secretAccessKey().orElseThrow().value()));
            case PROFILE -> ProfileCredentialsProvider.builder()
                    .profileName(credentials.profileName().orElseThrow()).build();
            case ASSUME_ROLE -> assumeRole();
        };
    }

    /**
     * STS is reached at its regional AWS endpoint, never at the endpoint override: an emulator speaks the
     * DynamoDB protocol only, and a role is assumed in AWS even when the tables sit behind a proxy.
     */
    private AwsCredentialsProvider assumeRole() {
        StsClientBuilder sts = StsClient.builder().credentialsProvider(DefaultCredentialsProvider.builder().build());
        region.ifPresent(sts::region);
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts.build())
                .refreshRequest(request -> {
                    request.roleArn(credentials.roleArn().orElseThrow())
                            .roleSessionName(credentials.roleSessionName());
                    credentials.roleExternalId().ifPresent(request::externalId);
                })
                .build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        endpointOverride.ifPresent(builder::endpointOverride);
        region.ifPresent(builder::region);
        return builder.credentialsProvider(credentialsProvider()).overrideConfiguration(overrides);
    }
}
