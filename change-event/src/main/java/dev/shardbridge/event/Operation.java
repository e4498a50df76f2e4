package dev.shardbridge.event;

import org.apache.kafka.connect.errors.DataException;

/**
 * The kind of change an event describes, with Debezium's one-letter codes so that tools written
 * for Debezium envelopes (routers, filters, dashboards) understand ours unchanged.
 */
public enum Operation {
    /** A stream INSERT: the item did not exist before. */
    CREATE("c"),
    /** A stream MODIFY: the item existed and changed. */
    UPDATE("u"),
    /** A stream REMOVE, including TTL expiry. */
    DELETE("d"),
    /** A snapshot read: the item as a table scan saw it, not a change. */
    READ("r");

    private final String code;

    Operation(String code) {
        this.code = code;
    }

    /** The envelope's {@code op} value. */
    public String code() {
        return code;
    }

    /** The operation for an envelope {@code op} value. */
    public static Operation fromCode(String code) {
        if (code == null) {
            throw new DataException("Change event has no 'op'");
        }
        return switch (code) {
            case "c" -> CREATE;
            case "u" -> UPDATE;
            case "d" -> DELETE;
            case "r" -> READ;
            default -> throw new DataException("Unknown change event op '" + code + "'; expected c, u, d or r");
        };
    }

    /** The operation for a DynamoDB Streams record's {@code eventName} (INSERT, MODIFY or REMOVE). */
    public static Operation fromStreamEventName(String eventName) {
        if (eventName == null) {
            throw new DataException("Stream record has no eventName");
        }
        return switch (eventName) {
            case "INSERT" -> CREATE;
            case "MODIFY" -> UPDATE;
            case "REMOVE" -> DELETE;
            default -> throw new DataException("Unknown stream record eventName '" + eventName
                    + "'; expected INSERT, MODIFY or REMOVE");
        };
    }
}
