package dev.shardbridge.emulator.operation;

import dev.shardbridge.emulator.error.DynamoDbException;
import java.util.List;

/** The {@code ReturnValues} choices of the write operations. */
public enum ReturnValue {
    NONE, ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATED_NEW;

    /** In the order AWS lists them in a constraint violation. */
    private static final List<String> NAMES = List.of("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");

    /** Parses the parameter; PutItem and DeleteItem allow only NONE and ALL_OLD. */
    public static ReturnValue parse(String text, boolean onlyNoneOrAllOld) {
        if (text == null) {
            return NONE;
        }
        new ConstraintViolations().oneOf(text, "returnValues", NAMES).throwIfAny();
        ReturnValue value = valueOf(text);
        if (onlyNoneOrAllOld && value != NONE && value != ALL_OLD) {
            throw DynamoDbException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        return value;
    }
}
