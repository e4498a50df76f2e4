package dev.shardbridge.sink.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.sink.config.DynamoDbSinkConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The sink's clients reach the configured store; the credentials kinds themselves are tested in connect-common. */
class TargetClientsTest {

    @Test
    void talksToTheConfiguredEndpointWithStaticCredentials() {
        try (StoreEmulator emulator = StoreEmulator.start();
             TargetClients clients = new TargetClients(new DynamoDbSinkConfig(Map.of(
                     "aws.endpoint.override", emulator.endpoint().toString(), "aws.region", "eu-west-1",
                     "aws.credentials.provider", "static", "aws.access.key.id", "AKID",
                     "aws.secret.access.key", "secret")));
             DynamoDbClient client = clients.create()) {

            assertThat(client.listTables().tableNames()).isEmpty();
            assertThatThrownBy(() -> client.describeTable(b -> b.tableName("absent")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }
}
