package dev.shardbridge.source.validate;

import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.common.aws.AwsClients;
import dev.shardbridge.source.config.DynamoDbStreamsSourceConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** validate() against the in-process emulator: what the store says becomes an error on the field to change. */
class SourceConnectorValidationTest {

    private static StoreEmulator emulator;

    @BeforeAll
    static void createTables() {
        emulator = StoreEmulator.start();
        AwsClients clients = new AwsClients(new DynamoDbStreamsSourceConfig(props(Map.of())).awsAccess());
        try (clients; DynamoDbClient dynamoDb = clients.dynamoDb()) {
            createTable(dynamoDb, "orders", StreamViewType.NEW_AND_OLD_IMAGES);
            createTable(dynamoDb, "shipments", StreamViewType.NEW_IMAGE);
            createTable(dynamoDb, "order_keys", StreamViewType.KEYS_ONLY);
            createTable(dynamoDb, "audit", null);
        }
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void tablesWithImageStreamsPass() {
        assertThat(errors(validate(Map.of("tables", "orders,shipments", "tables.regex", "order.*")))).isEmpty();
    }

    @Test
    void anUnknownTableIsAnErrorOnTablesNamingIt() {
        Map<String, List<String>> errors = errors(validate(Map.of("tables", "orders,ordres")));

        assertThat(errors).containsOnlyKeys("tables");
        assertThat(errors.get("tables")).singleElement().asString()
                .contains("Table 'ordres' does not exist at endpoint " + emulator.endpoint())
                .contains("correct the name in tables");
    }

    @Test
    void aTableWithoutAStreamIsAnErrorSayingHowToEnableIt() {
        assertThat(errors(validate(Map.of("tables", "audit"))).get("tables")).singleElement().asString()
                .contains("Table 'audit' has no stream enabled")
                .contains("--table-name audit --stream-specification StreamEnabled=true,"
                        + "StreamViewType=NEW_AND_OLD_IMAGES");
    }

    @Test
    void aScanOnlySnapshotNeedsNoStream() {
        assertThat(errors(validate(Map.of("tables", "audit", "start.position", "snapshot",
                "snapshot.mode", "initial_only")))).isEmpty();
        assertThat(errors(validate(Map.of("tables", "audit", "start.position", "snapshot"))).get("tables"))
                .singleElement().asString().contains("Table 'audit' has no stream enabled");
    }

    @Test
    void aKeysOnlyStreamIsAnErrorExplainingWhichViewTypesWork() {
        assertThat(errors(validate(Map.of("tables", "order_keys"))).get("tables")).singleElement().asString()
                .contains("Table 'order_keys' streams KEYS_ONLY")
                .contains("NEW_IMAGE or NEW_AND_OLD_IMAGES")
                .contains("disable the stream");
    }

    @Test
    void everyBadTableIsReportedAtOnce() {
        assertThat(errors(validate(Map.of("tables", "missing,audit,orders,order_keys"))).get("tables"))
                .hasSize(3);
    }

    @Test
    void aRegexMatchingNoTableIsAnErrorOnlyWithoutExplicitTables() {
        assertThat(errors(validate(Map.of("tables", "", "tables.regex", "parcel-.*"))).get("tables.regex"))
                .singleElement().asString().contains("tables.regex 'parcel-.*' matches none of the 4 tables");

        assertThat(errors(validate(Map.of("tables", "orders", "tables.regex", "parcel-.*")))).isEmpty();
        assertThat(errors(validate(Map.of("tables", "", "tables.regex", "ship.*")))).isEmpty();
    }

    @Test
    void anUnreachableEndpointIsOneErrorOnTheEndpointNamingIt() {
        long start = System.nanoTime();
        Map<String, List<String>> errors = errors(validate(Map.of("tables", "orders,shipments",
                "tables.regex", ".*", "aws.endpoint.override", "http://127.0.0.1:1")));

        assertThat(errors).containsOnlyKeys("aws.endpoint.override");
        assertThat(errors.get("aws.endpoint.override")).singleElement().asString()
                .contains("Cannot reach the store at endpoint http://127.0.0.1:1");
        assertThat(System.nanoTime() - start).as("no retries").isLessThan(10_000_000_000L);
    }

    @Test
    void noRegionAnywhereIsAnErrorOnTheRegion() {
        assumeTrue(System.getenv("AWS_REGION") == null && System.getProperty("aws.region") == null
                && !Files.exists(Path.of(System.getProperty("user.home"), ".aws")), "a region is set for the SDK");

        assertThat(errors(validate(Map.of("aws.region", "", "aws.endpoint.override", "")))).containsOnlyKeys(
                "aws.region");
    }

    @Test
    void crossKeyProblemsLandOnTheKeyToChangeWithTheirMessages() {
        Map<String, String> props = new HashMap<>(props(Map.of("tables", "orders")));
        props.remove("aws.secret.access.key");
        assertThat(errors(validateExactly(props))).containsExactly(Map.entry("aws.secret.access.key",
                List.of("aws.credentials.provider=static needs both aws.access.key.id and aws.secret.access.key")));

        assertThat(errors(validate(Map.of("tables", "orders", "aws.profile.name", "dev"))))
                .containsOnlyKeys("aws.credentials.provider");
        assertThat(errors(validate(Map.of("tables", ""))))
                .containsOnlyKeys("tables");
        assertThat(errors(validate(Map.of("tables", "orders", "poll.idle.backoff.min.ms", "500",
                "poll.idle.backoff.max.ms", "100"))))
                .containsExactly(Map.entry("poll.idle.backoff.min.ms",
                        List.of("poll.idle.backoff.min.ms (500) must not exceed poll.idle.backoff.max.ms (100)")));
    }

    @Test
    void configDefErrorsPassThroughUntouchedWithoutCallingTheStore() {
        // An unreachable endpoint would add an error if the store were called.
        Map<String, String> props = props(Map.of("tables", "ordres", "poll.max.records", "5000",
                "aws.endpoint.override", "http://127.0.0.1:1"));
        Config basic = new Config(DynamoDbStreamsSourceConfig.configDef().validate(props));
        List<List<String>> before = basic.configValues().stream().map(v -> List.copyOf(v.errorMessages())).toList();

        Config result = SourceConnectorValidation.validate(basic, props);

        assertThat(result).isSameAs(basic);
        assertThat(basic.configValues().stream().map(ConfigValue::errorMessages).toList()).isEqualTo(before);
        assertThat(errors(result)).containsOnlyKeys("poll.max.records");
    }

    @Test
    void theCallersConfigIsNotChanged() {
        Map<String, String> props = props(Map.of("tables", "ordres"));
        Config basic = new Config(DynamoDbStreamsSourceConfig.configDef().validate(props));

        Config result = SourceConnectorValidation.validate(basic, props);

        assertThat(errors(result)).containsOnlyKeys("tables");
        assertThat(errors(basic)).isEmpty();
        assertThat(result.configValues()).extracting(ConfigValue::name)
                .isEqualTo(basic.configValues().stream().map(ConfigValue::name).toList());
    }

    private static Config validate(Map<String, String> overrides) {
        return validateExactly(props(overrides));
    }

    private static Config validateExactly(Map<String, String> props) {
        Config basic = new Config(DynamoDbStreamsSourceConfig.configDef().validate(props));
        return SourceConnectorValidation.validate(basic, props);
    }

    static Map<String, String> props(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of("aws.region", "us-east-1",
                "aws.endpoint.override", emulator.endpoint().toString(), "aws.credentials.provider", "static",
                "aws.access.key.id", "local", "aws.secret.access.key", "local", "tables", "orders"));
        props.putAll(overrides);
        return props;
    }

    static Map<String, List<String>> errors(Config config) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        config.configValues().stream().filter(value -> !value.errorMessages().isEmpty())
                .forEach(value -> errors.put(value.name(), value.errorMessages()));
        return errors;
    }

    private static void createTable(DynamoDbClient dynamoDb, String name, StreamViewType viewType) {
        dynamoDb.createTable(request -> {
            request.tableName(name)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST);
            if (viewType != null) {
                request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(viewType).build());
            }
        });
    }
}
