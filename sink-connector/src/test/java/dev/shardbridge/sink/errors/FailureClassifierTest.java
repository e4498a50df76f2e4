package dev.shardbridge.sink.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class FailureClassifierTest {

    @Test
    void throttlingIsRetriable() {
        Failure provisioned = FailureClassifier.classify(service(ProvisionedThroughputExceededException.builder(), 400,
                "ProvisionedThroughputExceededException", "The level of configured provisioned throughput was exceeded"));
        Failure throttling = FailureClassifier.classify(service(DynamoDbException.builder(), 400,
                "ThrottlingException", "Rate of requests exceeds the allowed throughput."));

        assertThat(provisioned.kind()).isEqualTo(FailureKind.RETRIABLE);
        assertThat(provisioned.reason()).startsWith("Throttled: ProvisionedThroughputExceededException (HTTP 400)");
        assertThat(throttling.kind()).isEqualTo(FailureKind.RETRIABLE);
    }

    @Test
    void serverErrorsAndLostConnectionsAreRetriable() {
        assertThat(FailureClassifier.classify(service(DynamoDbException.builder(), 500, "InternalServerError", "boom")))
                .isEqualTo(new Failure(FailureKind.RETRIABLE, "Server error: InternalServerError (HTTP 500): boom"));
        assertThat(FailureClassifier.classify(SdkClientException.create("Connection refused")).kind())
                .isEqualTo(FailureKind.RETRIABLE);
    }

    @Test
    void unprocessedItemsAreRetriable() {
        Failure failure = FailureClassifier.classify(new UnprocessedItemsException("replica", 3));

        assertThat(failure).isEqualTo(new Failure(FailureKind.RETRIABLE,
                "3 item(s) left unprocessed by BatchWriteItem on table replica"));
    }

    @Test
    void aFailedGuardMeansAlreadyApplied() {
        Failure failure = FailureClassifier.classify(service(ConditionalCheckFailedException.builder(), 400,
                "ConditionalCheckFailedException", "The conditional request failed"));

        assertThat(failure.kind()).isEqualTo(FailureKind.ALREADY_APPLIED);
    }

    @Test
    void itemsTheServiceRefusesAreBadRecords() {
        Failure tooLarge = FailureClassifier.classify(service(DynamoDbException.builder(), 400, "ValidationException",
                "Item size has exceeded the maximum allowed size"));
        Failure keyType = FailureClassifier.classify(service(DynamoDbException.builder(), 400, "ValidationException",
                "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N"));

        assertThat(tooLarge.kind()).isEqualTo(FailureKind.BAD_RECORD);
        assertThat(keyType.kind()).isEqualTo(FailureKind.BAD_RECORD);
        assertThat(keyType.reason()).contains("Type mismatch for key pk");
    }

    @Test
    void recordsThatAreNotEnvelopesOrFailValidationAreBadRecords() {
        assertThat(FailureClassifier.classify(new DataException("Change event has no 'op'")))
                .isEqualTo(new Failure(FailureKind.BAD_RECORD, "Not a change-event envelope: Change event has no 'op'"));
        assertThat(FailureClassifier.classify(new BadRecordException("no new image")))
                .isEqualTo(new Failure(FailureKind.BAD_RECORD, "no new image"));
    }

    @Test
    void aMissingTableOrOtherRequestErrorsAreFatal() {
        Failure missing = FailureClassifier.classify(service(ResourceNotFoundException.builder(), 400,
                "ResourceNotFoundException", "Requested resource not found"));
        Failure otherValidation = FailureClassifier.classify(service(DynamoDbException.builder(), 400,
                "ValidationException", "Invalid ConditionExpression"));

        assertThat(missing.kind()).isEqualTo(FailureKind.FATAL);
        assertThat(otherValidation.kind()).isEqualTo(FailureKind.FATAL);
        assertThat(FailureClassifier.classify(new IllegalStateException("bug")))
                .isEqualTo(new Failure(FailureKind.FATAL, "IllegalStateException: bug"));
    }

    private static AwsServiceException service(AwsServiceException.Builder builder, int status, String code,
                                               String message) {
        return builder.statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .build();
    }
}
