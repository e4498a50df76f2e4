package dev.shardbridge.emulator.admin;

/** Why an admin request was refused, and the HTTP status that says so. */
public enum AdminFailure {
    /** The input is malformed or out of range. */
    BAD_REQUEST(400),
    /** The table, fault rule or endpoint does not exist. */
    NOT_FOUND(404),
    /** The endpoint exists but not for this HTTP method. */
    METHOD_NOT_ALLOWED(405),
    /** The input is fine but the emulator's state does not allow it, e.g. rolling a table without a stream. */
    CONFLICT(409);

    private final int httpStatus;

    AdminFailure(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
