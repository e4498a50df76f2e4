package dev.shardbridge.emulator.expression.parse;

import dev.shardbridge.emulator.expression.ast.Operand;
import java.util.List;

/**
 * A function call as written, before it is bound to a node: whether {@code f(a)} is a condition or an
 * operand is known only from what follows it, e.g. {@code size(a) = :n} against {@code contains(a, :v)}.
 *
 * @param position where the function name starts, for ordering problems
 */
record CallSyntax(String name, List<Operand> arguments, int position) {

    CallSyntax {
        arguments = List.copyOf(arguments);
    }

    Operand argument(int index) {
        return arguments.get(index);
    }
}
