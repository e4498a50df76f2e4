package dev.shardbridge.common.validate;

import dev.shardbridge.common.aws.AwsAccess;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.Optional;

import static dev.shardbridge.common.aws.AwsAccessConfig.CREDENTIALS_PROVIDER_CONFIG;
import static dev.shardbridge.common.aws.AwsAccessConfig.ENDPOINT_OVERRIDE_CONFIG;
import static dev.shardbridge.common.aws.AwsAccessConfig.REGION_CONFIG;

/**
 * What both connectors' {@code validate()} ask the store first: can it be reached, is it a DynamoDB-compatible
 * store, does it accept the credentials. Each answer becomes one error on the setting to change, worded so a
 * user knows what to do; failures that would doom every further call are told apart from the rest.
 */
public final class StoreAccessCheck {

    /** Validation answers a user waiting on a form: short calls, no retries. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final AwsAccess access;
    private final String permissions;

    /** @param permissions the calls the connector needs, named in the message about refused credentials */
    public StoreAccessCheck(AwsAccess access, String permissions) {
        this.access = access;
        this.permissions = permissions;
    }

    public static ClientOverrideConfiguration quickCalls() {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(CALL_TIMEOUT)
                .apiCallAttemptTimeout(CALL_TIMEOUT)
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .build();
    }

    /** One cheap call; the error that makes the store unusable, if any. */
    public Optional<FieldError> reach(DynamoDbClient dynamoDb) {
        try {
            dynamoDb.listTables(request -> request.limit(1));
            return Optional.empty();
        } catch (SdkException e) {
            return Optional.of(unusable(e).orElseGet(() -> new FieldError(endpointKey(), "The store at " + where()
                    + " failed a ListTables call: " + describe(e))));
        }
    }

    /** The error for a failure that every further call would repeat (unreachable, not a store, credentials). */
    public Optional<FieldError> unusable(SdkException e) {
        return switch (CallFailure.classify(e)) {
            case UNREACHABLE -> Optional.of(new FieldError(endpointKey(), "Cannot reach the store at " + where()
                    + ": " + describe(e) + ". Check the " + endpointKey() + " setting and that the store is running"
                    + " and reachable from the Connect workers."));
            case NOT_A_STORE -> Optional.of(new FieldError(endpointKey(), "The server at " + where() + " answered HTTP "
                    + ((AwsServiceException) e).statusCode() + " without a DynamoDB error, so it is not a"
                    + " DynamoDB-compatible store (or a proxy is in the way). Check the " + endpointKey()
                    + " setting: scheme, host and port."));
            case CREDENTIALS -> Optional.of(credentialsError(e));
            case NOT_FOUND, OTHER -> Optional.empty();
        };
    }

    /** The setting that decides where calls go: the override when set, else the region. */
    public String endpointKey() {
        return access.endpointOverride().isPresent() ? ENDPOINT_OVERRIDE_CONFIG : REGION_CONFIG;
    }

    /** Where calls go, for messages. */
    public String where() {
        return access.endpointOverride().map(endpoint -> "endpoint " + endpoint)
                .orElseGet(() -> access.region().map(region -> "the AWS endpoint of region " + region)
                        .orElse("the AWS endpoint of the SDK's default region"));
    }

    /** The store's own code and message when it answered; the SDK's message when it could not. */
    public static String describe(SdkException e) {
        String text = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + "): "
                        + service.awsErrorDetails().errorMessage()
                : e.getMessage();
        // Messages are embedded in sentences of our own.
        return text != null && text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private FieldError credentialsError(SdkException e) {
        String provider = CREDENTIALS_PROVIDER_CONFIG + "=" + access.credentials().kind().configValue();
        String what = e instanceof AwsServiceException
                ? "The store at " + where() + " refused the calls made with " + provider
                : "Found no credentials for " + provider;
        return new FieldError(CREDENTIALS_PROVIDER_CONFIG, what + ": " + describe(e) + ". Check the access key"
                + " and secret, profile or role, and that the principal may call " + permissions + ".");
    }
}
