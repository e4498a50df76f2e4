package dev.shardbridge.emulator.expression.parse;

import dev.shardbridge.emulator.expression.ExpressionAttributes;
import dev.shardbridge.emulator.expression.ExpressionKind;
import dev.shardbridge.emulator.expression.ast.And;
import dev.shardbridge.emulator.expression.ast.Between;
import dev.shardbridge.emulator.expression.ast.Comparator;
import dev.shardbridge.emulator.expression.ast.Comparison;
import dev.shardbridge.emulator.expression.ast.Condition;
import dev.shardbridge.emulator.expression.ast.In;
import dev.shardbridge.emulator.expression.ast.Not;
import dev.shardbridge.emulator.expression.ast.Operand;
import dev.shardbridge.emulator.expression.ast.Or;
import dev.shardbridge.emulator.expression.ast.PathOperand;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the condition language (ConditionExpression, FilterExpression, KeyConditionExpression) by
 * recursive descent, with AWS's precedence: comparisons, BETWEEN, IN and functions bind tightest, then
 * NOT, then AND, then OR.
 *
 * <pre>
 * or      := and (OR and)*
 * and     := not (AND not)*
 * not     := NOT not | primary
 * primary := '(' or ')' | operand comparator term | operand BETWEEN term AND term
 *          | operand IN '(' term (',' term)* ')' | function '(' term (',' term)* ')'
 * term    := '(' term ')' | operand
 * </pre>
 * A parenthesis may also wrap a lone operand ({@code (a) = :v}), which is why a group can end with an
 * operand still waiting for its comparator.
 */
public final class ConditionParser extends ExpressionParser {
    private final ConditionChecks checks = new ConditionChecks(problems);
    private final ConditionFunctions functions = new ConditionFunctions(this, checks);

    private ConditionParser(String text, ExpressionKind kind, ExpressionAttributes attributes) {
        super(text, kind, attributes);
    }

    /** Parses and checks {@code text}, throwing AWS's ValidationException for the first problem. */
    public static Condition parse(String text, ExpressionKind kind, ExpressionAttributes attributes) {
        ConditionParser parser = new ConditionParser(text, kind, attributes);
        Condition root = parser.parseOr(false).condition();
        parser.expectEnd();
        parser.finish();
        return root;
    }

    /**
     * What a (possibly parenthesized) group parsed to: a condition, or, only directly inside
     * parentheses, an operand or call whose comparison follows the closing parenthesis.
     */
    private record Group(Condition condition, Operand operand, CallSyntax call, boolean parenthesized) {
        static Group of(Condition condition) {
            return new Group(condition, null, null, false);
        }

        boolean isOperand() {
            return condition == null;
        }
    }

    private Group parseOr(boolean operandAllowed) {
        Group first = parseAnd(operandAllowed);
        if (first.isOperand() || !cursor.at(TokenKind.OR)) {
            return first;
        }
        Condition result = first.condition();
        while (cursor.accept(TokenKind.OR)) {
            countOperator();
            result = new Or(result, parseAnd(false).condition());
        }
        return Group.of(result);
    }

    private Group parseAnd(boolean operandAllowed) {
        Group first = parseNot(operandAllowed);
        if (first.isOperand() || !cursor.at(TokenKind.AND)) {
            return first;
        }
        Condition result = first.condition();
        while (cursor.accept(TokenKind.AND)) {
            countOperator();
            result = new And(result, parseNot(false).condition());
        }
        return Group.of(result);
    }

    private Group parseNot(boolean operandAllowed) {
        if (cursor.accept(TokenKind.NOT)) {
            countOperator();
            return Group.of(new Not(parseNot(false).condition()));
        }
        return parsePrimary(operandAllowed);
    }

    private Group parsePrimary(boolean operandAllowed) {
        if (cursor.at(TokenKind.LEFT_PAREN)) {
            Token open = cursor.next();
            Group inner = parseOr(true);
            cursor.expect(TokenKind.RIGHT_PAREN);
            if (inner.parenthesized()) {
                redundantParentheses(open);
            }
            if (!inner.isOperand()) {
                return new Group(inner.condition(), null, null, true);
            }
            return parseAfterOperand(inner.operand(), inner.call(), true, operandAllowed);
        }
        if (atCall()) {
            return parseAfterOperand(null, parseCall(this::parseTerm), false, operandAllowed);
        }
        return parseAfterOperand(parseSimpleOperand(), null, false, operandAllowed);
    }

    /** Continues after an operand (or a call that may yet be a condition of its own). */
    private Group parseAfterOperand(Operand operand, CallSyntax call, boolean parenthesized, boolean operandAllowed) {
        Token token = cursor.peek();
        Comparator comparator = comparatorOf(token.kind());
        if (comparator != null || token.kind() == TokenKind.BETWEEN || token.kind() == TokenKind.IN) {
            Operand left = operand != null ? operand : functions.asOperand(call);
            cursor.next();
            countOperator();
            if (comparator != null) {
                Operand right = parseTerm();
                checks.comparison(comparator, token.start(), left, right);
                return Group.of(new Comparison(comparator, left, right));
            }
            return Group.of(token.kind() == TokenKind.BETWEEN ? parseBetween(token, left) : parseIn(token, left));
        }
        if (operandAllowed && token.kind() == TokenKind.RIGHT_PAREN) {
            return new Group(null, operand, call, parenthesized);
        }
        if (call != null) {
            return Group.of(functions.asCondition(call));
        }
        throw cursor.syntaxError();
    }

    private Condition parseBetween(Token between, Operand value) {
        Operand lower = parseTerm();
        cursor.expect(TokenKind.AND);
        Operand upper = parseTerm();
        checks.between(between.start(), value, lower, upper);
        return new Between(value, lower, upper);
    }

    private Condition parseIn(Token in, Operand value) {
        cursor.expect(TokenKind.LEFT_PAREN);
        List<Operand> candidates = new ArrayList<>();
        do {
            // AWS does not flag doubled parentheses inside an IN list.
            candidates.add(parseTerm(false));
        } while (cursor.accept(TokenKind.COMMA));
        cursor.expect(TokenKind.RIGHT_PAREN);
        checks.in(in.start(), value, candidates);
        return new In(value, candidates);
    }

    private Operand parseTerm() {
        return parseTerm(true);
    }

    private Operand parseTerm(boolean flagRedundant) {
        if (!cursor.at(TokenKind.LEFT_PAREN)) {
            return atCall() ? functions.asOperand(parseCall(this::parseTerm)) : parseSimpleOperand();
        }
        Token open = cursor.next();
        boolean doubled = cursor.at(TokenKind.LEFT_PAREN);
        Operand inner = parseTerm(flagRedundant);
        cursor.expect(TokenKind.RIGHT_PAREN);
        if (doubled && flagRedundant) {
            redundantParentheses(open);
        }
        return inner;
    }

    private Operand parseSimpleOperand() {
        Token token = cursor.peek();
        if (token.kind() == TokenKind.VALUE_PLACEHOLDER) {
            return parseValue(Problems.Stage.SEMANTICS, Token::start);
        }
        if (token.kind() == TokenKind.IDENTIFIER || token.kind() == TokenKind.NAME_PLACEHOLDER) {
            return new PathOperand(parsePath(Problems.Stage.SEMANTICS, Token::start));
        }
        throw cursor.syntaxError();
    }

    private void redundantParentheses(Token open) {
        problems.add(Problems.Stage.REDUNDANT_PARENTHESES, open.start(), ExpressionMessages.REDUNDANT_PARENTHESES);
    }

    private static Comparator comparatorOf(TokenKind kind) {
        return switch (kind) {
            case EQ -> Comparator.EQ;
            case NE -> Comparator.NE;
            case LT -> Comparator.LT;
            case LE -> Comparator.LE;
            case GT -> Comparator.GT;
            case GE -> Comparator.GE;
            default -> null;
        };
    }
}
