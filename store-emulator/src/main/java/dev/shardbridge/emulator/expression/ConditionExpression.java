package dev.shardbridge.emulator.expression;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/** A parsed ConditionExpression or FilterExpression: a predicate over one item. */
public final class ConditionExpression {

    /**
     * Parses {@code text}; {@code kind} is {@link ExpressionKind#CONDITION} or
     * {@link ExpressionKind#FILTER} and names the parameter in errors.
     */
    public static ConditionExpression parse(String text, ExpressionKind kind, ExpressionAttributes attributes) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Evaluates against an item; an absent item is the empty map. */
    public boolean matches(Map<String, AttributeValue> item) {
        throw new UnsupportedOperationException("TODO");
    }
}
