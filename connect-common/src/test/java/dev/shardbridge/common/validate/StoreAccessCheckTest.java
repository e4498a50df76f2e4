package dev.shardbridge.common.validate;

import dev.shardbridge.common.aws.AwsAccess;
import dev.shardbridge.common.aws.AwsAccessConfig;
import dev.shardbridge.common.aws.AwsClients;
import dev.shardbridge.emulator.StoreEmulator;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StoreAccessCheckTest {

    @Test
    void aRunningStoreIsReachable() {
        try (StoreEmulator emulator = StoreEmulator.start()) {
            assertThat(reach(emulator.endpoint().toString())).isEmpty();
        }
    }

    @Test
    void anUnreachableEndpointIsOneErrorOnTheEndpointSettingSayingWhatToCheck() {
        Optional<FieldError> error = reach("http://127.0.0.1:1");
        assertThat(error).hasValueSatisfying(field -> {
            assertThat(field.key()).isEqualTo("aws.endpoint.override");
            assertThat(field.message()).startsWith("Cannot reach the store at endpoint http://127.0.0.1:1")
                    .contains("Check the aws.endpoint.override setting");
        });
    }

    private static Optional<FieldError> reach(String endpoint) {
        AwsAccess access = AwsAccessConfig.read(new AbstractConfig(AwsAccessConfig.define(new ConfigDef(), "test"),
                Map.of("aws.endpoint.override", endpoint, "aws.region", "us-east-1", "aws.credentials.provider",
                        "static", "aws.access.key.id", "local", "aws.secret.access.key", "local")));
        try (AwsClients clients = new AwsClients(access, StoreAccessCheck.quickCalls());
             DynamoDbClient dynamoDb = clients.dynamoDb()) {
            return new StoreAccessCheck(access, "dynamodb:ListTables").reach(dynamoDb);
        }
    }
}
