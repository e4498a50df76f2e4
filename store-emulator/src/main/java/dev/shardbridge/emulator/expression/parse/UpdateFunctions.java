package dev.shardbridge.emulator.expression.parse;

import dev.shardbridge.emulator.expression.ast.IfNotExistsOperand;
import dev.shardbridge.emulator.expression.ast.InvalidOperand;
import dev.shardbridge.emulator.expression.ast.ListAppendOperand;
import dev.shardbridge.emulator.expression.ast.Operand;
import dev.shardbridge.emulator.expression.ast.PathOperand;
import dev.shardbridge.emulator.model.AttributeType;

/** Binds the functions of the update language: {@code if_not_exists} and {@code list_append}. */
final class UpdateFunctions {
    private final UpdateParser parser;

    UpdateFunctions(UpdateParser parser) {
        this.parser = parser;
    }

    Operand bind(CallSyntax call) {
        parser.countOperator();
        switch (call.name()) {
            case "if_not_exists":
                return ifNotExists(call);
            case "list_append":
                return listAppend(call);
            case "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size":
                structure(call, ExpressionMessages.functionNotAllowed("an update", call.name()));
                return new InvalidOperand(call.name());
            default:
                structure(call, ExpressionMessages.invalidFunctionName(call.name()));
                return new InvalidOperand(call.name());
        }
    }

    private Operand ifNotExists(CallSyntax call) {
        if (!hasArity(call, 2)) {
            return new InvalidOperand(call.name());
        }
        if (!(call.argument(0) instanceof PathOperand path)) {
            semantic(ExpressionMessages.requiresDocumentPath(call.name()));
            return new InvalidOperand(call.name());
        }
        return new IfNotExistsOperand(path, call.argument(1));
    }

    private Operand listAppend(CallSyntax call) {
        if (!hasArity(call, 2)) {
            return new InvalidOperand(call.name());
        }
        for (Operand argument : call.arguments()) {
            AttributeType type = argument.staticType();
            if (type != null && type != AttributeType.L) {
                semantic(ExpressionMessages.operandType(call.name(), type));
                break;
            }
        }
        return new ListAppendOperand(call.argument(0), call.argument(1));
    }

    private boolean hasArity(CallSyntax call, int arity) {
        if (call.arguments().size() != arity) {
            semantic(ExpressionMessages.operandCount(call.name(), call.arguments().size()));
            return false;
        }
        return true;
    }

    private void structure(CallSyntax call, String detail) {
        parser.problems.add(Problems.Stage.STRUCTURE, call.position(), detail);
    }

    private void semantic(String detail) {
        parser.problems.add(Problems.Stage.SEMANTICS, parser.currentActionOrder(), detail);
    }
}
