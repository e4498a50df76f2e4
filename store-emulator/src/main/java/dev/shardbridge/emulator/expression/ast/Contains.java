package dev.shardbridge.emulator.expression.ast;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/**
 * {@code contains(container, element)}: a substring of a string, a byte sequence within a binary, a member
 * of a set of the element's type, or an element of a list.
 */
public record Contains(Operand container, Operand element) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        AttributeValue c = container.evaluate(item);
        AttributeValue e = element.evaluate(item);
        if (c == null || e == null) {
            return false;
        }
        return switch (c.type()) {
            case S -> e instanceof AttributeValue.StringValue s
                    && ((AttributeValue.StringValue) c).value().contains(s.value());
            case B -> e instanceof AttributeValue.BinaryValue b
                    && ((AttributeValue.BinaryValue) c).value().contains(b.value());
            case SS -> e instanceof AttributeValue.StringValue s
                    && ((AttributeValue.StringSetValue) c).value().contains(s.value());
            case NS -> e instanceof AttributeValue.NumberValue n
                    && ((AttributeValue.NumberSetValue) c).value().contains(n.value());
            case BS -> e instanceof AttributeValue.BinaryValue b
                    && ((AttributeValue.BinarySetValue) c).value().contains(b.value());
            case L -> ((AttributeValue.ListValue) c).value().contains(e);
            default -> false;
        };
    }
}
