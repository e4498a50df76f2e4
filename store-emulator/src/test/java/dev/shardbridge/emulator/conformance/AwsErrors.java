package dev.shardbridge.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Asserts errors as a client sees them: the SDK's exception class, AWS's error code and exact message. */
public final class AwsErrors {

    private AwsErrors() {
    }

    public static void assertAwsError(ThrowingCallable call, Class<? extends DynamoDbException> exceptionClass,
                                      String errorCode, String message) {
        assertThatThrownBy(call).isExactlyInstanceOf(exceptionClass).satisfies(thrown -> {
            DynamoDbException error = (DynamoDbException) thrown;
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo(errorCode);
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
            assertThat(error.statusCode()).isEqualTo(400);
        });
    }

    /** A ValidationException: the SDK has no class of its own for it. */
    public static void assertValidationError(ThrowingCallable call, String message) {
        assertAwsError(call, DynamoDbException.class, "ValidationException", message);
    }
}
