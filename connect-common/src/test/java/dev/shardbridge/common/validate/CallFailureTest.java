package dev.shardbridge.common.validate;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/** Rejected credentials are classified from the SDK exceptions AWS's answers become; the emulator sends none. */
class CallFailureTest {

    @Test
    void awsCredentialErrorCodesMeanCredentialsWhateverTheStatus() {
        assertThat(CallFailure.classify(service(400, "UnrecognizedClientException")))
                .isEqualTo(CallFailure.CREDENTIALS);
        assertThat(CallFailure.classify(service(400, "InvalidSignatureException"))).isEqualTo(CallFailure.CREDENTIALS);
        assertThat(CallFailure.classify(service(400, "AccessDeniedException"))).isEqualTo(CallFailure.CREDENTIALS);
        assertThat(CallFailure.classify(service(400, "ExpiredTokenException"))).isEqualTo(CallFailure.CREDENTIALS);
        assertThat(CallFailure.classify(service(400, "MissingAuthenticationTokenException")))
                .isEqualTo(CallFailure.CREDENTIALS);
    }

    @Test
    void forbiddenMeansCredentials() {
        assertThat(CallFailure.classify(service(403, "AccessDenied"))).isEqualTo(CallFailure.CREDENTIALS);
        assertThat(CallFailure.classify(service(403, "SomethingNew"))).isEqualTo(CallFailure.CREDENTIALS);
    }

    @Test
    void noCredentialsFoundOnTheClientMeansCredentials() {
        SdkClientException none = SdkClientException.create("Unable to load credentials from any of the providers"
                + " in the chain AwsCredentialsProviderChain");

        assertThat(CallFailure.classify(none)).isEqualTo(CallFailure.CREDENTIALS);
    }

    @Test
    void noAnswerMeansUnreachable() {
        SdkClientException refused = SdkClientException.create("Unable to execute HTTP request: Connection refused",
                new ConnectException("Connection refused"));

        assertThat(CallFailure.classify(refused)).isEqualTo(CallFailure.UNREACHABLE);
        assertThat(CallFailure.classify(ApiCallTimeoutException.create(5_000))).isEqualTo(CallFailure.UNREACHABLE);
    }

    @Test
    void anUnknownTableIsNotFound() {
        assertThat(CallFailure.classify(ResourceNotFoundException.builder().message("Requested resource not found")
                .statusCode(400).build())).isEqualTo(CallFailure.NOT_FOUND);
    }

    @Test
    void otherStoreErrorsAreReportedAsTheyAre() {
        assertThat(CallFailure.classify(service(400, "ValidationException"))).isEqualTo(CallFailure.OTHER);
        assertThat(CallFailure.classify(service(500, "InternalServerError"))).isEqualTo(CallFailure.OTHER);
        assertThat(CallFailure.classify(new IllegalStateException("bug"))).isEqualTo(CallFailure.OTHER);
    }

    @Test
    void anAnswerWithoutAnErrorCodeIsNotFromAStoreUnlessItIsForbidden() {
        assertThat(CallFailure.classify(DynamoDbException.builder().statusCode(404).build()))
                .isEqualTo(CallFailure.NOT_A_STORE);
        assertThat(CallFailure.classify(DynamoDbException.builder().statusCode(502).build()))
                .isEqualTo(CallFailure.NOT_A_STORE);
        assertThat(CallFailure.classify(DynamoDbException.builder().statusCode(403).build()))
                .isEqualTo(CallFailure.CREDENTIALS);
    }

    private static AwsServiceException service(int status, String code) {
        return DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("from the store").build())
                .build();
    }
}
