package dev.shardbridge.sink.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.sink.config.DynamoDbSinkConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

class TargetClientsTest {

    @Test
    void talksToTheConfiguredEndpointWithStaticCredentials() {
        try (StoreEmulator emulator = StoreEmulator.start();
             DynamoDbClient client = TargetClients.create(new DynamoDbSinkConfig(Map.of(
                     DynamoDbSinkConfig.ENDPOINT_OVERRIDE_CONFIG, emulator.endpoint().toString(),
                     DynamoDbSinkConfig.REGION_CONFIG, "eu-west-1",
                     DynamoDbSinkConfig.CREDENTIALS_PROVIDER_CONFIG, "static",
                     DynamoDbSinkConfig.ACCESS_KEY_ID_CONFIG, "AKID",
                     DynamoDbSinkConfig.SECRET_ACCESS_KEY_CONFIG, "secret")))) {

            assertThat(client.listTables().tableNames()).isEmpty();
            assertThatThrownBy(() -> client.describeTable(b -> b.tableName("absent")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void buildsTheProviderEachTypeAsks() {
        assertThat(CredentialsProviders.from(config("static", DynamoDbSinkConfig.ACCESS_KEY_ID_CONFIG, "AKID",
                DynamoDbSinkConfig.SECRET_ACCESS_KEY_CONFIG, "secret").credentials(), null))
                .isInstanceOf(StaticCredentialsProvider.class);
        assertThat(CredentialsProviders.from(config("profile", DynamoDbSinkConfig.PROFILE_NAME_CONFIG, "replica")
                .credentials(), null)).isInstanceOf(ProfileCredentialsProvider.class);
        assertThat(CredentialsProviders.from(config("assume-role", DynamoDbSinkConfig.ROLE_ARN_CONFIG,
                "arn:aws:iam::123456789012:role/replica").credentials(), Region.US_EAST_1))
                .isInstanceOf(StsAssumeRoleCredentialsProvider.class);
    }

    private static DynamoDbSinkConfig config(String provider, String... settings) {
        Map<String, String> props = new java.util.HashMap<>();
        props.put(DynamoDbSinkConfig.CREDENTIALS_PROVIDER_CONFIG, provider);
        for (int i = 0; i < settings.length; i += 2) {
            props.put(settings[i], settings[i + 1]);
        }
        return new DynamoDbSinkConfig(props);
    }
}
