package dev.shardbridge.emulator.error;

/**
 * The error types the emulator answers with, each with the {@code __type} string and HTTP status that
 * AWS DynamoDB uses on the wire, so that SDKs map them to the same exception classes and retry rules.
 */
public enum ErrorType {
    VALIDATION("com.amazon.coral.validate#ValidationException", 400),
    SERIALIZATION("com.amazon.coral.service#SerializationException", 400),
    UNKNOWN_OPERATION("com.amazon.coral.service#UnknownOperationException", 400),
    MISSING_AUTHENTICATION_TOKEN("com.amazon.coral.service#MissingAuthenticationTokenException", 400),
    UNRECOGNIZED_CLIENT("com.amazon.coral.service#UnrecognizedClientException", 400),
    THROTTLING("com.amazon.coral.availability#ThrottlingException", 400),
    RESOURCE_NOT_FOUND("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", 400),
    RESOURCE_IN_USE("com.amazonaws.dynamodb.v20120810#ResourceInUseException", 400),
    CONDITIONAL_CHECK_FAILED("com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", 400),
    PROVISIONED_THROUGHPUT_EXCEEDED(
            "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", 400),
    LIMIT_EXCEEDED("com.amazonaws.dynamodb.v20120810#LimitExceededException", 400),
    EXPIRED_ITERATOR("com.amazonaws.dynamodb.v20120810#ExpiredIteratorException", 400),
    TRIMMED_DATA_ACCESS("com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException", 400),
    REQUEST_TOO_LARGE("com.amazon.coral.service#RequestEntityTooLargeException", 413),
    INTERNAL_SERVER_ERROR("com.amazonaws.dynamodb.v20120810#InternalServerError", 500);

    private final String wireType;
    private final int httpStatus;

    ErrorType(String wireType, int httpStatus) {
        this.wireType = wireType;
        this.httpStatus = httpStatus;
    }

    /** The value of {@code __type} in the error body. */
    public String wireType() {
        return wireType;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The short name after the {@code #}, as SDKs report it. */
    public String shortName() {
        return wireType.substring(wireType.indexOf('#') + 1);
    }
}
