package dev.shardbridge.emulator.expression;

import dev.shardbridge.emulator.expression.ast.Condition;
import dev.shardbridge.emulator.expression.parse.ConditionParser;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/**
 * A parsed ConditionExpression or FilterExpression: a predicate over one item. Parsed once into a tree
 * of nodes that evaluate themselves; {@link #matches} allocates nothing but what {@code size()} needs.
 */
public final class ConditionExpression {
    private final Condition root;

    private ConditionExpression(Condition root) {
        this.root = root;
    }

    /**
     * Parses {@code text}; {@code kind} is {@link ExpressionKind#CONDITION} or
     * {@link ExpressionKind#FILTER} and names the parameter in errors.
     */
    public static ConditionExpression parse(String text, ExpressionKind kind, ExpressionAttributes attributes) {
        return new ConditionExpression(ConditionParser.parse(text, kind, attributes));
    }

    /** Evaluates against an item; an absent item is the empty map. */
    public boolean matches(Map<String, AttributeValue> item) {
        return root.test(item);
    }

    /** The parsed tree, e.g. to find which attributes a filter refers to. */
    public Condition root() {
        return root;
    }
}
