package dev.shardbridge.sink.errors;

/** A record the sink can never write, whatever the target's state; the message is the reason. */
public class BadRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadRecordException(String reason) {
        super(reason);
    }
}
