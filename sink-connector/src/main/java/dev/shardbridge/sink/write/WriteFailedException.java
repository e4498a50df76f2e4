package dev.shardbridge.sink.write;

import dev.shardbridge.sink.task.PendingChange;
import org.apache.kafka.connect.errors.ConnectException;

/** A write that failed for good, naming the record it was for, so the task's failure says which. */
public class WriteFailedException extends ConnectException {

    private static final long serialVersionUID = 1L;

    public WriteFailedException(PendingChange change, Throwable cause) {
        super("Cannot write the change at " + change.coordinates() + " to table " + change.table() + ": "
                + cause.getMessage(), cause);
    }
}
