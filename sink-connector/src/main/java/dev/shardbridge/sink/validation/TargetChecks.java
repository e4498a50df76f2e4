package dev.shardbridge.sink.validation;

import dev.shardbridge.sink.client.TargetClients;
import dev.shardbridge.sink.config.DynamoDbSinkConfig;
import dev.shardbridge.sink.config.KeySchemaSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What {@code validate()} checks beyond single settings, turning each problem into an error on the
 * field a user would change: settings that contradict each other, an endpoint that does not answer,
 * credentials the service refuses, and — for the tables the config determines (a
 * {@code table.name.format} without {@code ${table}}, for each topic in {@code topics}) — a missing
 * table without auto-creation, or a table whose key schema differs from {@code table.key.schema}.
 */
public final class TargetChecks {

    private TargetChecks() {
    }

    public static void addErrors(Map<String, String> props, Config config) {
        if (config.configValues().stream().anyMatch(value -> !value.errorMessages().isEmpty())) {
            return; // the settings themselves are wrong; talking to the endpoint would only add noise
        }
        DynamoDbSinkConfig sink;
        try {
            sink = new DynamoDbSinkConfig(props);
        } catch (ConfigException e) {
            field(config, fieldNamedIn(e.getMessage())).addErrorMessage(e.getMessage());
            return;
        }
        try (DynamoDbClient client = TargetClients.createForValidation(sink)) {
            if (reach(client, sink, config)) {
                checkTables(client, sink, props, config);
            }
        }
    }

    private static boolean reach(DynamoDbClient client, DynamoDbSinkConfig sink, Config config) {
        try {
            client.listTables(b -> b.limit(1));
            return true;
        } catch (AwsServiceException e) {
            String problem = ServiceRefusal.describe(e);
            field(config, ServiceRefusal.blamesCredentials(e) ? credentialsField(sink)
                    : DynamoDbSinkConfig.ENDPOINT_OVERRIDE_CONFIG).addErrorMessage(problem);
        } catch (SdkClientException e) {
            boolean credentials = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("credentials");
            field(config, credentials ? credentialsField(sink) : DynamoDbSinkConfig.ENDPOINT_OVERRIDE_CONFIG)
                    .addErrorMessage((credentials ? "Cannot load credentials: " : "Cannot reach "
                            + sink.endpointOverride().map(Object::toString).orElse("the region's endpoint") + ": ")
                            + e.getMessage());
        }
        return false;
    }

    private static void checkTables(DynamoDbClient client, DynamoDbSinkConfig sink, Map<String, String> props,
                                    Config config) {
        String format = sink.tableNameFormat().format();
        if (format.contains("${table}")) {
            return; // the table depends on each record's source table: checked per record by the task
        }
        for (String topic : topics(props)) {
            String table;
            try {
                table = sink.tableNameFormat().tableName("", topic);
            } catch (IllegalArgumentException e) {
                field(config, DynamoDbSinkConfig.TABLE_NAME_FORMAT_CONFIG).addErrorMessage(e.getMessage());
                continue;
            }
            describe(client, table).ifPresentOrElse(
                    description -> checkKeySchema(table, description, sink.tableKeySchema(), config),
                    () -> {
                        if (!sink.autoCreateTables()) {
                            field(config, DynamoDbSinkConfig.TABLE_NAME_FORMAT_CONFIG).addErrorMessage("Target table "
                                    + table + " (for topic " + topic + ") does not exist and "
                                    + DynamoDbSinkConfig.TABLE_AUTO_CREATE_CONFIG + " is false");
                        }
                    });
        }
    }

    private static void checkKeySchema(String table, TableDescription description, Optional<KeySchemaSpec> expected,
                                       Config config) {
        KeySchemaSpec actual = KeySchemaSpec.of(description);
        expected.filter(spec -> !spec.equals(actual)).ifPresent(spec ->
                field(config, DynamoDbSinkConfig.TABLE_KEY_SCHEMA_CONFIG).addErrorMessage("Target table " + table
                        + " has the key schema " + actual + ", but the change events need " + spec));
    }

    private static Optional<TableDescription> describe(DynamoDbClient client, String table) {
        try {
            return Optional.of(client.describeTable(b -> b.tableName(table)).table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private static List<String> topics(Map<String, String> props) {
        String topics = props.getOrDefault("topics", "");
        List<String> names = new ArrayList<>();
        Arrays.stream(topics.split(",")).map(String::trim).filter(name -> !name.isEmpty()).forEach(names::add);
        return names;
    }

    private static String credentialsField(DynamoDbSinkConfig sink) {
        return switch (sink.credentialsProviderType()) {
            case STATIC -> DynamoDbSinkConfig.ACCESS_KEY_ID_CONFIG;
            case PROFILE -> DynamoDbSinkConfig.PROFILE_NAME_CONFIG;
            case ASSUME_ROLE -> DynamoDbSinkConfig.ROLE_ARN_CONFIG;
            case DEFAULT -> DynamoDbSinkConfig.CREDENTIALS_PROVIDER_CONFIG;
        };
    }

    /** Rules between settings name the setting first; blame that one, or the provider if none is named. */
    private static String fieldNamedIn(String message) {
        return DynamoDbSinkConfig.CONFIG_DEF.names().stream().filter(message::startsWith)
                .max((a, b) -> Integer.compare(a.length(), b.length()))
                .orElse(DynamoDbSinkConfig.CREDENTIALS_PROVIDER_CONFIG);
    }

    private static ConfigValue field(Config config, String name) {
        return config.configValues().stream().filter(value -> value.name().equals(name)).findFirst()
                .orElseGet(() -> {
                    ConfigValue value = new ConfigValue(name);
                    config.configValues().add(value);
                    return value;
                });
    }
}
