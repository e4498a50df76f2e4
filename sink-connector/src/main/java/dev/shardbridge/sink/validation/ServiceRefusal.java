package dev.shardbridge.sink.validation;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Reads a service's refusal during validation: is it the credentials, and how to say so. */
final class ServiceRefusal {

    /** The error codes DynamoDB and IAM answer for unknown, wrong, expired or unauthorised credentials. */
    private static final Set<String> CREDENTIAL_CODES = Set.of("UnrecognizedClientException",
            "InvalidSignatureException", "IncompleteSignatureException", "MissingAuthenticationTokenException",
            "ExpiredTokenException", "InvalidClientTokenId", "SignatureDoesNotMatch", "AccessDeniedException");

    private ServiceRefusal() {
    }

    static boolean blamesCredentials(AwsServiceException e) {
        return CREDENTIAL_CODES.contains(code(e)) || e.statusCode() == 403;
    }

    static String describe(AwsServiceException e) {
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        return (blamesCredentials(e) ? "Credentials rejected by DynamoDB: " : "DynamoDB refused the request: ")
                + code(e) + " (HTTP " + e.statusCode() + "): " + message;
    }

    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
    }
}
