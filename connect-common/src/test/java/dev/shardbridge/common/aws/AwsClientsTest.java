package dev.shardbridge.common.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class AwsClientsTest {

    private static AwsClients clients(String... keyValues) {
        String[] withRegion = java.util.Arrays.copyOf(keyValues, keyValues.length + 2);
        withRegion[keyValues.length] = "aws.region";
        withRegion[keyValues.length + 1] = "eu-west-1";
        return new AwsClients(AwsAccessSettings.of(withRegion));
    }

    @Test
    void defaultKindUsesTheSdkDefaultChain() {
        assertThat(clients().credentialsProvider()).isInstanceOf(DefaultCredentialsProvider.class);
    }

    @Test
    void staticKindResolvesTheConfiguredKeysWithoutNetwork() {
        AwsCredentials resolved = clients("aws.credentials.provider", "static",
                "aws.access.key.id", "AKID", "aws.secret.access.key", "s3cr3t")
                .credentialsProvider().resolveCredentials();
        assertThat(resolved.accessKeyId()).isEqualTo("AKID");
        assertThat(resolved.secretAccessKey()).isEqualTo("s3cr3t");
    }

    @Test
    void staticProviderIsAStaticProvider() {
        assertThat(clients("aws.credentials.provider", "STATIC",
                "aws.access.key.id", "AKID", "aws.secret.access.key", "s3cr3t").credentialsProvider())
                .isInstanceOf(StaticCredentialsProvider.class);
    }

    @Test
    void profileKindUsesANamedProfile() {
        assertThat(clients("aws.credentials.provider", "profile", "aws.profile.name", "dev").credentialsProvider())
                .isInstanceOf(ProfileCredentialsProvider.class);
    }

    @Test
    void assumeRoleKindUsesStsWithoutCallingItUpFront() {
        assertThat(clients("aws.credentials.provider", "assume-role",
                "aws.role.arn", "arn:aws:iam::123456789012:role/reader", "aws.role.external.id", "ext")
                .credentialsProvider())
                .isInstanceOf(StsAssumeRoleCredentialsProvider.class);
    }

    @Test
    void bothClientsGetTheEndpointOverrideAndRegion() {
        AwsClients clients = clients("aws.endpoint.override", "http://localhost:8000",
                "aws.credentials.provider", "static", "aws.access.key.id", "A", "aws.secret.access.key", "S");
        try (DynamoDbClient dynamoDb = clients.dynamoDb(); DynamoDbStreamsClient streams = clients.streams()) {
            assertThat(dynamoDb.serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://localhost:8000"));
            assertThat(dynamoDb.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            assertThat(streams.serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://localhost:8000"));
            assertThat(streams.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
        }
    }

    @Test
    void everyClientSharesOneCredentialsProvider() {
        AwsClients clients = clients("aws.credentials.provider", "assume-role", "aws.role.arn", "arn:aws:iam::1:role/r");
        assertThat(clients.credentialsProvider()).isSameAs(clients.credentialsProvider());
        clients.close();
    }
}
