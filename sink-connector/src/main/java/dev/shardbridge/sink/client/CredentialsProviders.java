package dev.shardbridge.sink.client;

import dev.shardbridge.sink.config.CredentialsSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Turns the credentials settings into an SDK provider. Nothing is resolved here: providers fetch
 * credentials on first use, so building a client never blocks on the network.
 */
public final class CredentialsProviders {

    private CredentialsProviders() {
    }

    /**
     * @param region the region for STS when assuming a role; null leaves it to the SDK's region chain
     */
    public static AwsCredentialsProvider from(CredentialsSettings settings, Region region) {
        return switch (settings.type()) {
            case DEFAULT -> DefaultCredentialsProvider.builder().build();
            case STATIC -> StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey().value()));
            case PROFILE -> ProfileCredentialsProvider.builder().profileName(settings.profileName()).build();
            case ASSUME_ROLE -> assumeRole(settings, region);
        };
    }

    private static AwsCredentialsProvider assumeRole(CredentialsSettings settings, Region region) {
        // STS itself is called with the default chain: the role is assumed from the worker's identity.
        var sts = StsClient.builder().credentialsProvider(DefaultCredentialsProvider.builder().build());
        if (region != null) {
            sts.region(region);
        }
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts.build())
                .refreshRequest(request -> {
                    request.roleArn(settings.roleArn()).roleSessionName(settings.roleSessionName());
                    settings.externalId().ifPresent(request::externalId);
                })
                .build();
    }
}
