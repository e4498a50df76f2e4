package dev.shardbridge.source.validate;

import dev.shardbridge.common.aws.AwsClients;
import dev.shardbridge.common.validate.CallFailure;
import dev.shardbridge.common.validate.FieldError;
import dev.shardbridge.common.validate.StoreAccessCheck;
import dev.shardbridge.source.config.DynamoDbStreamsSourceConfig;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.shardbridge.common.aws.AwsAccessConfig.REGION_CONFIG;
import static dev.shardbridge.common.validate.StoreAccessCheck.describe;
import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.TABLES_CONFIG;
import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.TABLES_REGEX_CONFIG;

/**
 * Asks the store whether a configuration can work: reachable endpoint, accepted credentials (both through the
 * shared {@link StoreAccessCheck}), tables that exist with streams that carry images. Calls are short and never
 * retried, because Connect's REST call that runs {@code validate()} waits for the answer.
 */
final class StoreProbe {

    static final String PERMISSIONS = "dynamodb:ListTables, DescribeTable, DescribeStream, GetShardIterator and"
            + " GetRecords";

    private final DynamoDbStreamsSourceConfig config;
    private final DynamoDbClient dynamoDb;
    private final StoreAccessCheck access;
    private final List<FieldError> errors = new ArrayList<>();

    private StoreProbe(DynamoDbStreamsSourceConfig config, DynamoDbClient dynamoDb) {
        this.config = config;
        this.dynamoDb = dynamoDb;
        this.access = new StoreAccessCheck(config.awsAccess(), PERMISSIONS);
    }

    static List<FieldError> check(DynamoDbStreamsSourceConfig config) {
        try (AwsClients clients = new AwsClients(config.awsAccess(), StoreAccessCheck.quickCalls())) {
            DynamoDbClient dynamoDb;
            try {
                dynamoDb = clients.dynamoDb();
            } catch (SdkException e) {
                // Building resolves the region (credentials come later); without aws.region the SDK's chain may
                // find none, and its message lists every provider it tried, which says less than this.
                return List.of(new FieldError(REGION_CONFIG, config.awsAccess().region().isPresent()
                        ? "Cannot set up the AWS client: " + describe(e)
                        : "No AWS region: " + REGION_CONFIG + " is empty and the SDK found none (AWS_REGION, profile,"
                                + " EC2 metadata). Set " + REGION_CONFIG + "; any region, for example us-east-1,"
                                + " works for an emulator."));
            }
            try (dynamoDb) {
                return new StoreProbe(config, dynamoDb).run();
            }
        }
    }

    /** Stops at the first failure that every further call would repeat (unreachable, refused credentials). */
    private List<FieldError> run() {
        try {
            config.tables().forEach(this::checkTable);
            config.tablesRegex().ifPresent(this::checkRegex);
            return List.copyOf(errors);
        } catch (StoreUnusable unusable) {
            return List.of(unusable.error);
        }
    }

    private void checkTable(String table) {
        try {
            TableDescription description = dynamoDb.describeTable(request -> request.tableName(table)).table();
            if (config.streamsRead()) {
                StreamCheck.problem(description, config.snapshotsEnabled())
                        .ifPresent(problem -> errors.add(new FieldError(TABLES_CONFIG, problem)));
            }
        } catch (SdkException e) {
            if (failed(e) == CallFailure.NOT_FOUND) {
                errors.add(new FieldError(TABLES_CONFIG, "Table '" + table + "' does not exist at " + access.where()
                        + ". Create it with a stream, or correct the name in " + TABLES_CONFIG
                        + " (names are case-sensitive)."));
            } else {
                errors.add(new FieldError(TABLES_CONFIG, "Checking table '" + table + "' at " + access.where()
                        + " failed: " + describe(e)));
            }
        }
    }

    private void checkRegex(Pattern regex) {
        List<String> names;
        try {
            names = dynamoDb.listTablesPaginator(request -> { }).tableNames().stream().toList();
        } catch (SdkException e) {
            failed(e);
            errors.add(new FieldError(TABLES_REGEX_CONFIG, "Listing the tables at " + access.where() + " to match "
                    + TABLES_REGEX_CONFIG + " failed: " + describe(e)));
            return;
        }
        boolean matches = names.stream().anyMatch(name -> regex.matcher(name).matches());
        // With explicit tables the connector has work anyway; tables matching later are picked up by discovery.
        if (!matches && config.tables().isEmpty()) {
            errors.add(new FieldError(TABLES_REGEX_CONFIG, TABLES_REGEX_CONFIG + " '" + regex.pattern()
                    + "' matches none of the " + names.size() + " tables at " + access.where() + ", so there is"
                    + " nothing to read. Correct the expression (it must match the whole table name) or name tables"
                    + " in " + TABLES_CONFIG + "."));
        }
    }

    /** Classifies the failure; throws {@link StoreUnusable} for the kinds that doom every other call too. */
    private CallFailure failed(SdkException e) {
        access.unusable(e).ifPresent(error -> {
            throw new StoreUnusable(error);
        });
        return CallFailure.classify(e);
    }

    /** Unwinds the checks when the store cannot be used at all; one error then says everything. */
    private static final class StoreUnusable extends RuntimeException {
        private final transient FieldError error;

        StoreUnusable(FieldError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }
}
