package dev.shardbridge.emulator.operation.read;

import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.expression.ConditionExpression;
import dev.shardbridge.emulator.expression.ast.And;
import dev.shardbridge.emulator.expression.ast.ArithmeticOperand;
import dev.shardbridge.emulator.expression.ast.AttributeExists;
import dev.shardbridge.emulator.expression.ast.AttributeTypeIs;
import dev.shardbridge.emulator.expression.ast.BeginsWith;
import dev.shardbridge.emulator.expression.ast.Between;
import dev.shardbridge.emulator.expression.ast.Comparison;
import dev.shardbridge.emulator.expression.ast.Condition;
import dev.shardbridge.emulator.expression.ast.Contains;
import dev.shardbridge.emulator.expression.ast.IfNotExistsOperand;
import dev.shardbridge.emulator.expression.ast.In;
import dev.shardbridge.emulator.expression.ast.ListAppendOperand;
import dev.shardbridge.emulator.expression.ast.Not;
import dev.shardbridge.emulator.expression.ast.Operand;
import dev.shardbridge.emulator.expression.ast.Or;
import dev.shardbridge.emulator.expression.ast.PathOperand;
import dev.shardbridge.emulator.expression.ast.SizeOperand;
import dev.shardbridge.emulator.model.KeySchema;
import java.util.List;

/**
 * A Query's key attributes belong in its KeyConditionExpression: AWS rejects a FilterExpression that
 * refers to one. The filter tree is walked once per request, before any item is read.
 */
final class FilterKeyCheck {

    private FilterKeyCheck() {
    }

    static void rejectKeyAttributes(ConditionExpression filter, KeySchema schema) {
        String key = keyIn(filter.root(), schema);
        if (key != null) {
            throw DynamoDbException.validation(
                    "Filter Expression can only contain non-primary key attributes: Primary key attribute: " + key);
        }
    }

    /** The first key attribute the condition refers to, in expression order, or null. */
    private static String keyIn(Condition condition, KeySchema schema) {
        if (condition instanceof Comparison c) {
            return first(schema, c.left(), c.right());
        }
        if (condition instanceof Between b) {
            return first(schema, b.value(), b.lower(), b.upper());
        }
        if (condition instanceof In in) {
            String key = keyIn(in.value(), schema);
            return key != null ? key : first(schema, in.candidates().toArray(Operand[]::new));
        }
        if (condition instanceof And and) {
            return firstOf(keyIn(and.left(), schema), and.right(), schema);
        }
        if (condition instanceof Or or) {
            return firstOf(keyIn(or.left(), schema), or.right(), schema);
        }
        if (condition instanceof Not not) {
            return keyIn(not.condition(), schema);
        }
        if (condition instanceof AttributeExists exists) {
            return keyIn(exists.path(), schema);
        }
        if (condition instanceof AttributeTypeIs typeIs) {
            return keyIn(typeIs.operand(), schema);
        }
        if (condition instanceof BeginsWith beginsWith) {
            return first(schema, beginsWith.value(), beginsWith.prefix());
        }
        if (condition instanceof Contains contains) {
            return first(schema, contains.container(), contains.element());
        }
        return null;
    }

    private static String firstOf(String found, Condition next, KeySchema schema) {
        return found != null ? found : keyIn(next, schema);
    }

    private static String keyIn(Operand operand, KeySchema schema) {
        if (operand instanceof PathOperand path) {
            String name = path.path().attributeName();
            return schema.isKeyAttribute(name) ? name : null;
        }
        if (operand instanceof SizeOperand size) {
            return keyIn(size.operand(), schema);
        }
        if (operand instanceof ArithmeticOperand arithmetic) {
            return first(schema, arithmetic.left(), arithmetic.right());
        }
        if (operand instanceof IfNotExistsOperand ifNotExists) {
            return first(schema, ifNotExists.path(), ifNotExists.fallback());
        }
        if (operand instanceof ListAppendOperand append) {
            return first(schema, append.first(), append.second());
        }
        return null;
    }

    private static String first(KeySchema schema, Operand... operands) {
        for (Operand operand : List.of(operands)) {
            String key = keyIn(operand, schema);
            if (key != null) {
                return key;
            }
        }
        return null;
    }
}
