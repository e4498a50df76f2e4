package dev.shardbridge.emulator.expression;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/** A parsed ProjectionExpression: which attributes, or parts of nested documents, to return. */
public final class ProjectionExpression {

    public static ProjectionExpression parse(String text, ExpressionAttributes attributes) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The projected copy of an item; paths that do not exist are left out. */
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        throw new UnsupportedOperationException("TODO");
    }
}
