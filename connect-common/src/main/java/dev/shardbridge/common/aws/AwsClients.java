package dev.shardbridge.common.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the SDK clients a connector and its tasks use, all from one {@link AwsAccess}, so that endpoint,
 * region and credentials can never differ between the table API and the streams API. The credentials provider
 * is made once and shared by every client built here; closing this closes what the provider holds (the STS
 * client of an assumed role), while each built client is closed by its user.
 */
public final class AwsClients implements AutoCloseable {

    private final AwsAccess access;
    private final ClientOverrideConfiguration overrides;
    private final List<SdkAutoCloseable> owned = new ArrayList<>();
    private AwsCredentialsProvider credentialsProvider;

    public AwsClients(AwsAccess access) {
        this(access, ClientOverrideConfiguration.builder().build());
    }

    /**
     * Clients with timeouts and retries other than the SDK's defaults, for callers that must answer quickly
     * (a connector's {@code validate()}) rather than ride out a slow or flaky store.
     */
    public AwsClients(AwsAccess access, ClientOverrideConfiguration overrides) {
        this.access = access;
        this.overrides = overrides;
    }

    /**
     * The table API client. The HTTP client is named rather than found on the classpath: in a Connect worker the
     * SDK's classpath lookup can meet another SDK's HTTP client (the worker's or another plugin's) and fail.
     */
    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder()).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    public DynamoDbStreamsClient streams() {
        return configure(DynamoDbStreamsClient.builder()).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /**
     * The provider for the configured kind. Building one does no I/O: profiles are read and roles assumed
     * when credentials are first resolved, so a bad setting surfaces on the first call, not here.
     */
    public synchronized AwsCredentialsProvider credentialsProvider() {
        if (credentialsProvider == null) {
            CredentialsSettings credentials = access.credentials();
            credentialsProvider = switch (credentials.kind()) {
                case DEFAULT -> DefaultCredentialsProvider.builder().build();
                case STATIC -> StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        credentials.accessKeyId().orElseThrow(),
                        credentials.secretAccessKey().orElseThrow().value()));
                case PROFILE -> ProfileCredentialsProvider.builder()
                        .profileName(credentials.profileName().orElseThrow()).build();
                case ASSUME_ROLE -> assumeRole(credentials);
            };
        }
        return credentialsProvider;
    }

    @Override
    public synchronized void close() {
        owned.forEach(SdkAutoCloseable::close);
        owned.clear();
    }

    /**
     * STS is reached at its regional AWS endpoint, never at the endpoint override: an emulator speaks the
     * DynamoDB protocol only, and a role is assumed in AWS even when the tables sit behind a proxy.
     */
    private AwsCredentialsProvider assumeRole(CredentialsSettings credentials) {
        StsClientBuilder builder = StsClient.builder().credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(ApacheHttpClient.builder());
        access.region().ifPresent(builder::region);
        StsClient sts = builder.build();
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request -> {
                    request.roleArn(credentials.roleArn().orElseThrow())
                            .roleSessionName(credentials.roleSessionName());
                    credentials.roleExternalId().ifPresent(request::externalId);
                })
                .build();
        owned.add(provider);
        owned.add(sts);
        return provider;
    }

    /**
     * Points any SDK client builder at the store with the shared credentials, for callers that tune the client
     * further (HTTP pool, retries); settings made on the builder afterwards win.
     */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        access.endpointOverride().ifPresent(builder::endpointOverride);
        access.region().ifPresent(builder::region);
        return builder.credentialsProvider(credentialsProvider()).overrideConfiguration(overrides);
    }
}
