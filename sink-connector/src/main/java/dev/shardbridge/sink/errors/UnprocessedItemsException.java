package dev.shardbridge.sink.errors;

/**
 * A BatchWriteItem call that returned some items unprocessed. DynamoDB does this instead of an
 * error when a partition is throttled, so it is retried like throttling.
 */
public class UnprocessedItemsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int unprocessed;

    public UnprocessedItemsException(String table, int unprocessed) {
        super(unprocessed + " item(s) left unprocessed by BatchWriteItem on table " + table);
        this.unprocessed = unprocessed;
    }

    public int unprocessed() {
        return unprocessed;
    }
}
