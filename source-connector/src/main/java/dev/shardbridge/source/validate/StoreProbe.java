package dev.shardbridge.source.validate;

import dev.shardbridge.common.aws.AwsClients;
import dev.shardbridge.source.config.DynamoDbStreamsSourceConfig;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.shardbridge.common.aws.AwsAccessConfig.CREDENTIALS_PROVIDER_CONFIG;
import static dev.shardbridge.common.aws.AwsAccessConfig.ENDPOINT_OVERRIDE_CONFIG;
import static dev.shardbridge.common.aws.AwsAccessConfig.REGION_CONFIG;
import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.TABLES_CONFIG;
import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.TABLES_REGEX_CONFIG;

/**
 * Asks the store whether a configuration can work: reachable endpoint, accepted credentials, tables that
 * exist with streams that carry images. Calls are short and never retried, because Connect's REST call that
 * runs {@code validate()} waits for the answer; a store that is slow to answer here is reported, not waited on.
 */
final class StoreProbe {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final DynamoDbStreamsSourceConfig config;
    private final DynamoDbClient dynamoDb;
    private final List<FieldError> errors = new ArrayList<>();

    private StoreProbe(DynamoDbStreamsSourceConfig config, DynamoDbClient dynamoDb) {
        this.config = config;
        this.dynamoDb = dynamoDb;
    }

    static List<FieldError> check(DynamoDbStreamsSourceConfig config) {
        try (AwsClients clients = new AwsClients(config.awsAccess(), quickCalls())) {
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

    static ClientOverrideConfiguration quickCalls() {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(CALL_TIMEOUT)
                .apiCallAttemptTimeout(CALL_TIMEOUT)
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .build();
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
            StreamCheck.problem(description).ifPresent(problem -> errors.add(new FieldError(TABLES_CONFIG, problem)));
        } catch (SdkException e) {
            switch (failed(e)) {
                case NOT_FOUND -> errors.add(new FieldError(TABLES_CONFIG, "Table '" + table + "' does not exist at "
                        + where() + ". Create it with a stream, or correct the name in " + TABLES_CONFIG
                        + " (names are case-sensitive)."));
                default -> errors.add(new FieldError(TABLES_CONFIG, "Checking table '" + table + "' at " + where()
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
            errors.add(new FieldError(TABLES_REGEX_CONFIG, "Listing the tables at " + where() + " to match "
                    + TABLES_REGEX_CONFIG + " failed: " + describe(e)));
            return;
        }
        boolean matches = names.stream().anyMatch(name -> regex.matcher(name).matches());
        // With explicit tables the connector has work anyway; tables matching later are picked up by discovery.
        if (!matches && config.tables().isEmpty()) {
            errors.add(new FieldError(TABLES_REGEX_CONFIG, TABLES_REGEX_CONFIG + " '" + regex.pattern()
                    + "' matches none of the " + names.size() + " tables at " + where() + ", so there is nothing"
                    + " to read. Correct the expression (it must match the whole table name) or name tables in "
                    + TABLES_CONFIG + "."));
        }
    }

    /** Classifies the failure; throws {@link StoreUnusable} for the kinds that doom every other call too. */
    private CallFailure failed(SdkException e) {
        CallFailure failure = CallFailure.classify(e);
        switch (failure) {
            case UNREACHABLE -> throw new StoreUnusable(new FieldError(endpointKey(), "Cannot reach the store at "
                    + where() + ": " + describe(e) + ". Check the " + endpointKey() + " setting and that the store"
                    + " is running and reachable from the Connect workers."));
            case NOT_A_STORE -> throw new StoreUnusable(new FieldError(endpointKey(), "The server at " + where()
                    + " answered HTTP " + ((AwsServiceException) e).statusCode() + " without a DynamoDB error, so it"
                    + " is not a DynamoDB-compatible store (or a proxy is in the way). Check the " + endpointKey()
                    + " setting: scheme, host and port."));
            case CREDENTIALS -> throw new StoreUnusable(credentialsError(e));
            default -> {
                return failure;
            }
        }
    }

    private FieldError credentialsError(SdkException e) {
        String provider = CREDENTIALS_PROVIDER_CONFIG + "=" + config.awsAccess().credentials().kind().configValue();
        String what = e instanceof AwsServiceException
                ? "The store at " + where() + " refused the calls made with " + provider
                : "Found no credentials for " + provider;
        return new FieldError(CREDENTIALS_PROVIDER_CONFIG, what + ": " + describe(e) + ". Check the access key"
                + " and secret, profile or role, and that the principal may call dynamodb:ListTables,"
                + " DescribeTable, DescribeStream, GetShardIterator and GetRecords.");
    }

    private String endpointKey() {
        return config.awsAccess().endpointOverride().isPresent() ? ENDPOINT_OVERRIDE_CONFIG : REGION_CONFIG;
    }

    private String where() {
        Optional<URI> endpoint = config.awsAccess().endpointOverride();
        if (endpoint.isPresent()) {
            return "endpoint " + endpoint.get();
        }
        return config.awsAccess().region().map(region -> "the AWS endpoint of region " + region)
                .orElse("the AWS endpoint of the SDK's default region");
    }

    /** The store's own code and message when it answered; the SDK's message when it could not. */
    private static String describe(SdkException e) {
        String text = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + "): "
                        + service.awsErrorDetails().errorMessage()
                : e.getMessage();
        // Messages are embedded in sentences of our own.
        return text != null && text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
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
