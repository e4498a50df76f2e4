package dev.shardbridge.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.shardbridge.sink.testing.TargetStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynamoDbSinkConnectorTest {

    private static TargetStore store;

    @BeforeAll
    static void startStore() {
        store = TargetStore.start();
        store.createTable("replica-orders");
        store.createTable("numbered", "id", ScalarAttributeType.N);
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @Test
    void reportsTheBuildVersion() {
        assertThat(new DynamoDbSinkConnector().version()).isEqualTo(new DynamoDbSinkTask().version())
                .matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void everyTaskGetsTheWholeConfigIncludingConnectsErrorSettings() {
        DynamoDbSinkConnector connector = new DynamoDbSinkConnector();
        Map<String, String> props = settings(Map.of("errors.tolerance", "all"));
        connector.start(props);

        assertThat(connector.taskConfigs(3)).hasSize(3).allSatisfy(config -> assertThat(config).isEqualTo(props));
        assertThat(connector.taskClass()).isEqualTo(DynamoDbSinkTask.class);
    }

    @Test
    void aReachableEndpointWithAnExistingTableValidatesCleanly() {
        assertThat(errors(settings(Map.of("topics", "cdc.orders", "table.name.format", "replica-orders",
                "table.key.schema", "pk:S"))))
                .isEmpty();
    }

    @Test
    void anUnreachableEndpointIsAnErrorOnTheEndpoint() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, List<String>> errors = errors(settings(Map.of("aws.endpoint.override",
                "http://127.0.0.1:" + closedPort)));

        assertThat(errors).containsOnlyKeys("aws.endpoint.override");
        assertThat(errors.get("aws.endpoint.override")).singleElement().asString()
                .startsWith("Cannot reach the store at endpoint http://127.0.0.1:" + closedPort)
                .contains("Check the aws.endpoint.override setting");
    }

    @Test
    void credentialsTheServiceRejectsAreAnErrorOnTheCredentials() throws IOException {
        HttpServer refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        refusing.createContext("/", exchange -> {
            byte[] body = ("{\"__type\":\"com.amazon.coral.service#UnrecognizedClientException\","
                    + "\"message\":\"The security token included in the request is invalid.\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        refusing.start();
        try {
            Map<String, List<String>> errors = errors(settings(Map.of("aws.endpoint.override",
                    "http://127.0.0.1:" + refusing.getAddress().getPort())));

            assertThat(errors).containsOnlyKeys("aws.credentials.provider");
            assertThat(errors.get("aws.credentials.provider")).singleElement().asString()
                    .contains("refused the calls made with aws.credentials.provider=static:"
                            + " UnrecognizedClientException (HTTP 400)")
                    .contains("dynamodb:ListTables, DescribeTable, PutItem");
        } finally {
            refusing.stop(0);
        }
    }

    @Test
    void aMissingTableIsAnErrorUnlessAutoCreationIsOn() {
        Map<String, String> props = settings(Map.of("topics", "cdc.orders", "table.name.format", "absent-${topic}"));

        assertThat(errors(props)).containsOnlyKeys("table.name.format");
        assertThat(errors(props).get("table.name.format")).singleElement().asString()
                .isEqualTo("Target table absent-cdc.orders (for topic cdc.orders) does not exist and "
                        + "table.auto.create is false");

        props.put("table.auto.create", "true");
        assertThat(errors(props)).isEmpty();
    }

    @Test
    void aTableWithAnotherKeySchemaThanTheEventsNeedIsAnError() {
        Map<String, List<String>> errors = errors(settings(Map.of("topics", "cdc.orders",
                "table.name.format", "numbered", "table.key.schema", "pk:S")));

        assertThat(errors).containsOnlyKeys("table.key.schema");
        assertThat(errors.get("table.key.schema")).singleElement().asString()
                .isEqualTo("Target table numbered has the key schema id:N, but the change events need pk:S");
    }

    @Test
    void contradictorySettingsAreAnErrorOnTheSettingTheyName() {
        Map<String, List<String>> errors = errors(settings(Map.of("retry.backoff.min.ms", "500",
                "retry.backoff.max.ms", "100")));

        assertThat(errors).containsOnlyKeys("retry.backoff.min.ms");
    }

    private static Map<String, String> settings(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(store.sinkSettings());
        props.put("connector.class", DynamoDbSinkConnector.class.getName());
        props.putAll(overrides);
        return props;
    }

    private static Map<String, List<String>> errors(Map<String, String> props) {
        return new DynamoDbSinkConnector().validate(props).configValues().stream()
                .filter(value -> !value.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }
}
