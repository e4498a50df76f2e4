package dev.shardbridge.sink.validation;

import dev.shardbridge.common.config.InconsistentConfigException;
import dev.shardbridge.common.validate.ConfigErrors;
import dev.shardbridge.common.validate.FieldError;
import dev.shardbridge.common.validate.StoreAccessCheck;
import dev.shardbridge.sink.client.TargetClients;
import dev.shardbridge.sink.config.DynamoDbSinkConfig;
import dev.shardbridge.sink.config.KeySchemaSpec;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code validate()} checks beyond single settings, turning each problem into an error on the
 * field a user would change: settings that contradict each other, an endpoint that does not answer,
 * credentials the service refuses (both through the shared {@link StoreAccessCheck}), and — for the tables
 * the config determines (a {@code table.name.format} without {@code ${table}}, for each topic in
 * {@code topics}) — a missing table without auto-creation, or a table whose key schema differs from
 * {@code table.key.schema}.
 */
public final class TargetChecks {

    static final String PERMISSIONS = "dynamodb:ListTables, DescribeTable, PutItem, DeleteItem, BatchWriteItem"
            + " (and CreateTable with table.auto.create)";

    private TargetChecks() {
    }

    /** {@code basic} plus the errors found; {@code basic} itself, with no call made, when it has errors already. */
    public static Config validate(Config basic, Map<String, String> props) {
        if (ConfigErrors.hasErrors(basic)) {
            return basic; // the settings themselves are wrong; talking to the endpoint would only add noise
        }
        DynamoDbSinkConfig sink;
        try {
            sink = new DynamoDbSinkConfig(props);
        } catch (InconsistentConfigException e) {
            return ConfigErrors.withErrors(basic, List.of(new FieldError(e.key(), e.getMessage())));
        } catch (ConfigException e) {
            return ConfigErrors.withErrors(basic, List.of(new FieldError(fieldNamedIn(e.getMessage()),
                    e.getMessage())));
        }
        return ConfigErrors.withErrors(basic, checkTarget(sink, props));
    }

    private static List<FieldError> checkTarget(DynamoDbSinkConfig sink, Map<String, String> props) {
        StoreAccessCheck access = new StoreAccessCheck(sink.awsAccess(), PERMISSIONS);
        try (TargetClients clients = new TargetClients(sink); DynamoDbClient client = clients.createForValidation()) {
            Optional<FieldError> unreachable = access.reach(client);
            if (unreachable.isPresent()) {
                return List.of(unreachable.get());
            }
            return checkTables(client, sink, props);
        } catch (SdkException e) {
            // Building the client failed, typically for want of a region.
            return List.of(new FieldError(access.endpointKey(), "Cannot set up the AWS client: "
                    + StoreAccessCheck.describe(e)));
        }
    }

    private static List<FieldError> checkTables(DynamoDbClient client, DynamoDbSinkConfig sink,
                                                Map<String, String> props) {
        List<FieldError> errors = new ArrayList<>();
        String format = sink.tableNameFormat().format();
        if (format.contains("${table}")) {
            return errors; // the table depends on each record's source table: checked per record by the task
        }
        for (String topic : topics(props)) {
            String table;
            try {
                table = sink.tableNameFormat().tableName("", topic);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(DynamoDbSinkConfig.TABLE_NAME_FORMAT_CONFIG, e.getMessage()));
                continue;
            }
            describe(client, table).ifPresentOrElse(
                    description -> keySchemaError(table, description, sink.tableKeySchema()).ifPresent(errors::add),
                    () -> {
                        if (!sink.autoCreateTables()) {
                            errors.add(new FieldError(DynamoDbSinkConfig.TABLE_NAME_FORMAT_CONFIG, "Target table "
                                    + table + " (for topic " + topic + ") does not exist and "
                                    + DynamoDbSinkConfig.TABLE_AUTO_CREATE_CONFIG + " is false"));
                        }
                    });
        }
        return errors;
    }

    private static Optional<FieldError> keySchemaError(String table, TableDescription description,
                                                       Optional<KeySchemaSpec> expected) {
        KeySchemaSpec actual = KeySchemaSpec.of(description);
        return expected.filter(spec -> !spec.equals(actual)).map(spec -> new FieldError(
                DynamoDbSinkConfig.TABLE_KEY_SCHEMA_CONFIG, "Target table " + table + " has the key schema " + actual
                        + ", but the change events need " + spec));
    }

    private static Optional<TableDescription> describe(DynamoDbClient client, String table) {
        try {
            return Optional.of(client.describeTable(b -> b.tableName(table)).table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private static List<String> topics(Map<String, String> props) {
        return Arrays.stream(props.getOrDefault("topics", "").split(",")).map(String::trim)
                .filter(name -> !name.isEmpty()).toList();
    }

    /** Rules between settings name the setting first; blame that one, or the first table setting if none is. */
    private static String fieldNamedIn(String message) {
        return DynamoDbSinkConfig.CONFIG_DEF.names().stream().filter(message::startsWith)
                .max((a, b) -> Integer.compare(a.length(), b.length()))
                .orElse(DynamoDbSinkConfig.TABLE_NAME_FORMAT_CONFIG);
    }
}
