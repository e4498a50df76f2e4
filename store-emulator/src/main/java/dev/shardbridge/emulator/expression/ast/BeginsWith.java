package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/** {@code begins_with(value, prefix)} for two strings or two binaries. */
public record BeginsWith(Operand value, Operand prefix) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        return holds(value.evaluate(item), prefix.evaluate(item));
    }

    /** Also the sort-key test of a key condition. */
    public static boolean holds(AttributeValue value, AttributeValue prefix) {
        if (value instanceof AttributeValue.StringValue s && prefix instanceof AttributeValue.StringValue p) {
            // A UTF-16 prefix is exactly a code point (and so UTF-8 byte) prefix.
            return s.value().startsWith(p.value());
        }
        if (value instanceof AttributeValue.BinaryValue b && prefix instanceof AttributeValue.BinaryValue p) {
            return b.value().startsWith(p.value());
        }
        return false;
    }
}
