package dev.shardbridge.emulator.expression.parse;

import dev.shardbridge.emulator.expression.ast.Comparator;
import dev.shardbridge.emulator.expression.ast.Operand;
import dev.shardbridge.emulator.expression.ast.PathOperand;
import dev.shardbridge.emulator.expression.ast.ValueOperand;
import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.ScalarOrder;
import java.util.List;

/**
 * The up-front checks AWS makes on comparisons, BETWEEN and IN, from what the expression alone says
 * about its operands. Whatever depends on the item (a path's type) is left to evaluation, where a type
 * mismatch is simply false.
 */
final class ConditionChecks {
    private final Problems problems;

    ConditionChecks(Problems problems) {
        this.problems = problems;
    }

    void comparison(Comparator comparator, int position, Operand left, Operand right) {
        if (comparator.isOrdering()) {
            requireScalar(comparator.symbol(), position, left);
            requireScalar(comparator.symbol(), position, right);
        }
        requireDistinct(comparator.symbol(), position, left, List.of(right));
    }

    void between(int position, Operand value, Operand lower, Operand upper) {
        requireScalar("BETWEEN", position, value);
        requireScalar("BETWEEN", position, lower);
        requireScalar("BETWEEN", position, upper);
        requireDistinct("BETWEEN", position, value, List.of(lower, upper));
        if (lower instanceof ValueOperand low && upper instanceof ValueOperand high) {
            requireOrderedBounds(position, low.value(), high.value());
        }
    }

    void in(int position, Operand value, List<Operand> candidates) {
        if (candidates.size() > ExpressionLimits.MAX_IN_OPERANDS) {
            problems.add(Problems.Stage.SEMANTICS, position, ExpressionMessages.tooManyInOperands(candidates.size()));
        }
        requireDistinct("IN", position, value, candidates);
    }

    /** AWS refuses {@code a = a} and the like: comparing a path with itself is always a mistake. */
    void requireDistinct(String operator, int position, Operand first, List<Operand> rest) {
        if (!(first instanceof PathOperand path)) {
            return;
        }
        for (Operand other : rest) {
            if (other instanceof PathOperand otherPath && otherPath.path().equals(path.path())) {
                problems.add(Problems.Stage.SEMANTICS, position, ExpressionMessages.notDistinct(operator, path.path()));
                return;
            }
        }
    }

    private void requireScalar(String operator, int position, Operand operand) {
        AttributeType type = operand.staticType();
        if (type != null && !type.isScalarKeyType()) {
            problems.add(Problems.Stage.SEMANTICS, position, ExpressionMessages.operandType(operator, type));
        }
    }

    private void requireOrderedBounds(int position, AttributeValue lower, AttributeValue upper) {
        if (lower == null || upper == null || !lower.type().isScalarKeyType() || !upper.type().isScalarKeyType()) {
            return;
        }
        if (lower.type() != upper.type()) {
            problems.add(Problems.Stage.SEMANTICS, position, ExpressionMessages.betweenTypes(lower, upper));
        } else if (ScalarOrder.compare(lower, upper) > 0) {
            problems.add(Problems.Stage.SEMANTICS, position, ExpressionMessages.betweenOrder(lower, upper));
        }
    }
}
