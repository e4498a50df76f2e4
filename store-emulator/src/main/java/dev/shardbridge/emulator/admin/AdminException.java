package dev.shardbridge.emulator.admin;

/**
 * A refused admin request. Errors are data: the failure decides the HTTP status, the message tells the
 * caller exactly what to fix. Thrown by {@link EmulatorAdmin} to in-process callers as well.
 */
public final class AdminException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final AdminFailure failure;

    public AdminException(AdminFailure failure, String message) {
        // No stack trace: this is an answer to a caller's input, not a bug.
        super(message, null, false, false);
        this.failure = failure;
    }

    public AdminFailure failure() {
        return failure;
    }

    static AdminException badRequest(String message) {
        return new AdminException(AdminFailure.BAD_REQUEST, message);
    }

    static AdminException notFound(String message) {
        return new AdminException(AdminFailure.NOT_FOUND, message);
    }
}
