package dev.shardbridge.emulator.operation.read;

import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import java.util.List;

/** What Query and Scan return: items (all or projected attributes) or only the count. */
enum Select {
    ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES, SPECIFIC_ATTRIBUTES, COUNT;

    private static final List<String> NAMES =
            List.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");

    static Select parse(String text, boolean hasProjection) {
        new ConstraintViolations().oneOf(text, "select", NAMES).throwIfAny();
        if (text == null) {
            return hasProjection ? SPECIFIC_ATTRIBUTES : ALL_ATTRIBUTES;
        }
        Select select = valueOf(text);
        if (select == ALL_PROJECTED_ATTRIBUTES) {
            throw DynamoDbException.validation(
                    "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        if (hasProjection && select != SPECIFIC_ATTRIBUTES) {
            throw DynamoDbException.validation("Cannot specify the ProjectionExpression when choosing to get "
                    + (select == COUNT ? "only the Count" : "ALL_ATTRIBUTES"));
        }
        return select;
    }
}
