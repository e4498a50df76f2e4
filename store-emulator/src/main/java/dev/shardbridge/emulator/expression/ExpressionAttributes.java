package dev.shardbridge.emulator.expression;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, shared by
 * all its expressions. Records which placeholders were used, because AWS rejects unused ones.
 */
public final class ExpressionAttributes {

    /**
     * @param names  {@code #placeholder -> attribute name}; null when the request had none
     * @param values {@code :placeholder -> value}; null when the request had none
     */
    public ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Resolves {@code #name}, failing with AWS's message when it is not defined. */
    public String name(String placeholder, ExpressionKind kind) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Resolves {@code :value}, failing with AWS's message when it is not defined. */
    public AttributeValue value(String placeholder, ExpressionKind kind) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Fails with AWS's message ("Value provided in ExpressionAttributeNames unused in expressions:
     * keys: {#a}", likewise for values) when a given placeholder was not used by any expression
     * parsed so far. Called once after all of a request's expressions are parsed.
     */
    public void requireAllUsed() {
        throw new UnsupportedOperationException("TODO");
    }
}
