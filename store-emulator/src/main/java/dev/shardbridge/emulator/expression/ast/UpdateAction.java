package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.expression.path.DocumentPath;
import dev.shardbridge.emulator.model.AttributeValue;

/** One action of an update expression's SET, REMOVE, ADD or DELETE clause. */
public sealed interface UpdateAction {

    /** The document path the action writes or removes. */
    DocumentPath path();

    /** {@code SET path = value}. */
    record Set(DocumentPath path, Operand value) implements UpdateAction {
    }

    /** {@code REMOVE path}. */
    record Remove(DocumentPath path) implements UpdateAction {
    }

    /** {@code ADD path :value}: number addition or set union. */
    record Add(DocumentPath path, AttributeValue value) implements UpdateAction {
    }

    /** {@code DELETE path :set}: set difference. */
    record Delete(DocumentPath path, AttributeValue value) implements UpdateAction {
    }
}
