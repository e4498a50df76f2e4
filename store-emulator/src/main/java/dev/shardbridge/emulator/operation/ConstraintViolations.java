package dev.shardbridge.emulator.operation;

import dev.shardbridge.emulator.error.DynamoDbException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects parameter constraint violations and reports them all at once, in AWS's format:
 * {@code 2 validation errors detected: Value 'x' at 'tableName' failed to satisfy constraint: ...; ...}.
 */
public final class ConstraintViolations {
    private final List<String> violations = new ArrayList<>();

    public ConstraintViolations add(Object value, String memberPath, String constraint) {
        violations.add("Value " + (value == null ? "null" : "'" + value + "'") + " at '" + memberPath
                + "' failed to satisfy constraint: " + constraint);
        return this;
    }

    public ConstraintViolations tableName(String tableName, String memberPath) {
        if (tableName == null) {
            return add(null, memberPath, "Member must not be null");
        }
        if (tableName.length() < 3) {
            add(tableName, memberPath, "Member must have length greater than or equal to 3");
        }
        if (tableName.length() > 255) {
            add(tableName, memberPath, "Member must have length less than or equal to 255");
        }
        if (!tableName.matches("[a-zA-Z0-9_.-]+")) {
            add(tableName, memberPath, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return this;
    }

    public ConstraintViolations notNull(Object value, String memberPath) {
        return value == null ? add(null, memberPath, "Member must not be null") : this;
    }

    public ConstraintViolations range(Integer value, String memberPath, int min, int max) {
        if (value != null && value < min) {
            add(value, memberPath, "Member must have value greater than or equal to " + min);
        }
        if (value != null && value > max) {
            add(value, memberPath, "Member must have value less than or equal to " + max);
        }
        return this;
    }

    public ConstraintViolations oneOf(String value, String memberPath, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(value, memberPath, "Member must satisfy enum value set: " + allowed);
        }
        return this;
    }

    /** Throws the ValidationException if anything was collected. */
    public void throwIfAny() {
        if (violations.isEmpty()) {
            return;
        }
        String count = violations.size() == 1 ? "1 validation error detected: "
                : violations.size() + " validation errors detected: ";
        throw DynamoDbException.validation(count + String.join("; ", violations));
    }
}
