package dev.shardbridge.emulator.expression.parse;

import dev.shardbridge.emulator.expression.ast.AttributeExists;
import dev.shardbridge.emulator.expression.ast.AttributeTypeIs;
import dev.shardbridge.emulator.expression.ast.BeginsWith;
import dev.shardbridge.emulator.expression.ast.Condition;
import dev.shardbridge.emulator.expression.ast.Contains;
import dev.shardbridge.emulator.expression.ast.InvalidCondition;
import dev.shardbridge.emulator.expression.ast.InvalidOperand;
import dev.shardbridge.emulator.expression.ast.Operand;
import dev.shardbridge.emulator.expression.ast.PathOperand;
import dev.shardbridge.emulator.expression.ast.SizeOperand;
import dev.shardbridge.emulator.expression.ast.ValueOperand;
import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.List;

/**
 * Binds the functions of the condition language: {@code size} is the only one that yields an operand,
 * the others ({@code attribute_exists}, {@code attribute_not_exists}, {@code attribute_type},
 * {@code begins_with}, {@code contains}) are conditions. Function names are case-sensitive.
 */
final class ConditionFunctions {
    private final ExpressionParser parser;
    private final ConditionChecks checks;

    ConditionFunctions(ExpressionParser parser, ConditionChecks checks) {
        this.parser = parser;
        this.checks = checks;
    }

    Operand asOperand(CallSyntax call) {
        parser.countOperator();
        if (!isConditionFunction(call)) {
            return new InvalidOperand(call.name());
        }
        if (!call.name().equals("size")) {
            structure(call, ExpressionMessages.functionMisused(call.name()));
            return new InvalidOperand(call.name());
        }
        if (!hasArity(call, 1)) {
            return new InvalidOperand(call.name());
        }
        AttributeType type = call.argument(0).staticType();
        if (type == AttributeType.N || type == AttributeType.BOOL || type == AttributeType.NULL) {
            semantic(call, ExpressionMessages.operandType("size", type));
        }
        return new SizeOperand(call.argument(0));
    }

    Condition asCondition(CallSyntax call) {
        parser.countOperator();
        if (!isConditionFunction(call)) {
            return new InvalidCondition(call.name());
        }
        return switch (call.name()) {
            case "size" -> {
                structure(call, ExpressionMessages.functionMisused(call.name()));
                yield new InvalidCondition(call.name());
            }
            case "attribute_exists" -> attributeExists(call, true);
            case "attribute_not_exists" -> attributeExists(call, false);
            case "attribute_type" -> attributeType(call);
            case "begins_with" -> beginsWith(call);
            default -> contains(call);
        };
    }

    private boolean isConditionFunction(CallSyntax call) {
        switch (call.name()) {
            case "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size":
                return true;
            case "if_not_exists", "list_append":
                structure(call, ExpressionMessages.functionNotAllowed("a condition", call.name()));
                return false;
            default:
                structure(call, ExpressionMessages.invalidFunctionName(call.name()));
                return false;
        }
    }

    private Condition attributeExists(CallSyntax call, boolean expected) {
        if (!hasArity(call, 1)) {
            return new InvalidCondition(call.name());
        }
        if (!(call.argument(0) instanceof PathOperand path)) {
            semantic(call, ExpressionMessages.requiresDocumentPath(call.name()));
            return new InvalidCondition(call.name());
        }
        return new AttributeExists(path, expected);
    }

    private Condition attributeType(CallSyntax call) {
        if (!hasArity(call, 2)) {
            return new InvalidCondition(call.name());
        }
        Operand typeOperand = call.argument(1);
        if (typeOperand instanceof ValueOperand given) {
            AttributeValue value = given.value();
            if (value instanceof AttributeValue.StringValue name) {
                AttributeType type = AttributeType.fromDescriptor(name.value());
                if (type != null) {
                    return new AttributeTypeIs(call.argument(0), type);
                }
                semantic(call, ExpressionMessages.invalidAttributeTypeName(name.value()));
            } else if (value != null) {
                semantic(call, ExpressionMessages.operandType(call.name(), value.type()));
            }
        } else {
            AttributeType type = typeOperand.staticType();
            semantic(call, type != null ? ExpressionMessages.operandType(call.name(), type)
                    : ExpressionMessages.operandType(call.name(), ExpressionMessages.ANY_ATTRIBUTE_TYPE));
        }
        return new InvalidCondition(call.name());
    }

    private Condition beginsWith(CallSyntax call) {
        if (!hasArity(call, 2)) {
            return new InvalidCondition(call.name());
        }
        for (Operand argument : call.arguments()) {
            AttributeType type = argument.staticType();
            if (type != null && type != AttributeType.S && type != AttributeType.B) {
                semantic(call, ExpressionMessages.operandType(call.name(), type));
                break;
            }
        }
        checks.requireDistinct(call.name(), call.position(), call.argument(0), List.of(call.argument(1)));
        return new BeginsWith(call.argument(0), call.argument(1));
    }

    private Condition contains(CallSyntax call) {
        if (!hasArity(call, 2)) {
            return new InvalidCondition(call.name());
        }
        checks.requireDistinct(call.name(), call.position(), call.argument(0), List.of(call.argument(1)));
        return new Contains(call.argument(0), call.argument(1));
    }

    private boolean hasArity(CallSyntax call, int arity) {
        if (call.arguments().size() != arity) {
            semantic(call, ExpressionMessages.operandCount(call.name(), call.arguments().size()));
            return false;
        }
        return true;
    }

    private void structure(CallSyntax call, String detail) {
        parser.problems.add(Problems.Stage.STRUCTURE, call.position(), detail);
    }

    private void semantic(CallSyntax call, String detail) {
        parser.problems.add(Problems.Stage.SEMANTICS, call.position(), detail);
    }
}
