package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.expression.path.DocumentPath;
import dev.shardbridge.emulator.expression.path.DocumentReader;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/** A document path as an operand: its value in the item. */
public record PathOperand(DocumentPath path) implements Operand {

    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
        return DocumentReader.read(item, path);
    }
}
