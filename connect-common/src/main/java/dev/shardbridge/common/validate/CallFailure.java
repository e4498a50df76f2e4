package dev.shardbridge.common.validate;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.util.Locale;
import java.util.Set;

/**
 * What a failed validation call says about the configuration. Unlike the poll loop's classification, the
 * question here is which setting to blame, not whether to retry.
 */
public enum CallFailure {
    /** No HTTP answer at all: wrong endpoint or region, store down, network or DNS. */
    UNREACHABLE,
    /** The store answered but refused the caller, or the SDK found no credentials to send. */
    CREDENTIALS,
    /** An HTTP answer without a DynamoDB error in it: the endpoint is some other server or a proxy. */
    NOT_A_STORE,
    /** The table (or stream) does not exist. */
    NOT_FOUND,
    /** Anything else; reported with the store's own message. */
    OTHER;

    /**
     * Error codes AWS uses for unknown keys, bad signatures, expired tokens and missing permissions. DynamoDB
     * returns most of them with status 400, so the status alone does not tell.
     */
    private static final Set<String> CREDENTIAL_CODES = Set.of(
            "UnrecognizedClientException", "InvalidSignatureException", "IncompleteSignatureException",
            "MissingAuthenticationTokenException", "MissingAuthenticationToken", "InvalidClientTokenId",
            "ExpiredTokenException", "ExpiredToken", "SignatureDoesNotMatch", "AccessDeniedException",
            "AccessDenied");

    public static CallFailure classify(Throwable failure) {
        if (failure instanceof ResourceNotFoundException) {
            return NOT_FOUND;
        }
        if (failure instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            if (service.statusCode() == 401 || service.statusCode() == 403) {
                return CREDENTIALS;
            }
            if (code == null || code.isBlank()) {
                return NOT_A_STORE;
            }
            return CREDENTIAL_CODES.contains(code) ? CREDENTIALS : OTHER;
        }
        if (failure instanceof SdkClientException) {
            // The SDK resolves credentials before it sends anything; their absence is a client-side failure.
            return mentionsCredentials(failure) ? CREDENTIALS : UNREACHABLE;
        }
        return OTHER;
    }

    private static boolean mentionsCredentials(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("credentials")) {
                return true;
            }
        }
        return false;
    }
}
