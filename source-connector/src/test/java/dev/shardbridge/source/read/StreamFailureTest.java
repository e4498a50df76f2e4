package dev.shardbridge.source.read;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

import static org.assertj.core.api.Assertions.assertThat;

class StreamFailureTest {

    private static DynamoDbException serviceError(String code, int status) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    @Test
    void readerLimitAndThroughputErrorsAreThrottles() {
        assertThat(StreamFailure.classify(LimitExceededException.builder().statusCode(400).build()))
                .isEqualTo(StreamFailure.THROTTLED);
        assertThat(StreamFailure.classify(ProvisionedThroughputExceededException.builder().statusCode(400).build()))
                .isEqualTo(StreamFailure.THROTTLED);
        assertThat(StreamFailure.classify(serviceError("ThrottlingException", 400))).isEqualTo(StreamFailure.THROTTLED);
    }

    @Test
    void iteratorTrimAndMissingShardHaveTheirOwnHandling() {
        assertThat(StreamFailure.classify(ExpiredIteratorException.builder().statusCode(400).build()))
                .isEqualTo(StreamFailure.EXPIRED_ITERATOR);
        assertThat(StreamFailure.classify(TrimmedDataAccessException.builder().statusCode(400).build()))
                .isEqualTo(StreamFailure.TRIMMED);
        assertThat(StreamFailure.classify(ResourceNotFoundException.builder().statusCode(400).build()))
                .isEqualTo(StreamFailure.GONE);
    }

    @Test
    void serverAndNetworkFaultsAreTransient() {
        assertThat(StreamFailure.classify(serviceError("InternalServerError", 500))).isEqualTo(StreamFailure.TRANSIENT);
        assertThat(StreamFailure.classify(serviceError("ServiceUnavailable", 503)).retriable()).isTrue();
        assertThat(StreamFailure.classify(SdkClientException.create("Connection refused")))
                .isEqualTo(StreamFailure.TRANSIENT);
    }

    @Test
    void clientErrorsAndUnknownFailuresAreFatal() {
        assertThat(StreamFailure.classify(serviceError("UnrecognizedClientException", 400)))
                .isEqualTo(StreamFailure.FATAL);
        assertThat(StreamFailure.classify(serviceError("AccessDeniedException", 400)).retriable()).isFalse();
        assertThat(StreamFailure.classify(new IllegalStateException("bug"))).isEqualTo(StreamFailure.FATAL);
    }
}
