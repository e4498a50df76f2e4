package dev.shardbridge.emulator.expression;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** A parsed UpdateExpression (SET, REMOVE, ADD, DELETE clauses). */
public final class UpdateExpression {

    public static UpdateExpression parse(String text, ExpressionAttributes attributes) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The top-level attribute names the expression writes or removes (to reject key updates). */
    public List<String> targetAttributeNames() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The document paths the expression changes, for ReturnValues UPDATED_OLD/UPDATED_NEW. */
    public ProjectionExpression targetsAsProjection() {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Applies the actions to a copy of {@code item} (the existing item, or only the key attributes when
     * the item does not exist yet) and returns the new item. Fails with AWS's ValidationException
     * messages for wrong operand types, invalid document paths and the like.
     */
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        throw new UnsupportedOperationException("TODO");
    }
}
