package dev.shardbridge.emulator.expression.parse;

import dev.shardbridge.emulator.expression.ExpressionAttributes;
import dev.shardbridge.emulator.expression.ExpressionKind;
import dev.shardbridge.emulator.expression.ast.Operand;
import dev.shardbridge.emulator.expression.ast.ValueOperand;
import dev.shardbridge.emulator.expression.path.DocumentPath;
import dev.shardbridge.emulator.expression.path.PathElement;
import dev.shardbridge.emulator.expression.path.PathRelation;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * What the condition, update and projection parsers share: the token cursor, placeholder resolution,
 * document paths, the problem list and the operator count. Syntax errors are thrown at once (AWS reports
 * them before anything else); every other problem is collected and the first by AWS's priority is thrown
 * by {@link #finish()}.
 */
abstract class ExpressionParser {
    final ExpressionKind kind;
    final TokenCursor cursor;
    final Problems problems = new Problems();
    private final ExpressionAttributes attributes;
    private int operators;

    ExpressionParser(String text, ExpressionKind kind, ExpressionAttributes attributes) {
        ExpressionLimits.checkText(text, kind);
        this.kind = kind;
        this.attributes = attributes;
        this.cursor = new TokenCursor(text, kind);
    }

    void countOperator() {
        operators++;
    }

    void expectEnd() {
        if (!cursor.at(TokenKind.END)) {
            throw cursor.syntaxError();
        }
    }

    /** Reports the highest-priority problem, if any; call once the whole text has parsed. */
    void finish() {
        if (operators > ExpressionLimits.MAX_OPERATORS) {
            // AWS stops counting at the first operator over the limit.
            problems.add(Problems.Stage.OPERATOR_COUNT, 0,
                    ExpressionMessages.tooManyOperators(ExpressionLimits.MAX_OPERATORS + 1));
        }
        problems.throwFirst(kind);
    }

    /**
     * {@code name ( . name | [index] )*}, where a name is an identifier or a {@code #placeholder}.
     *
     * @param undefinedStage where an undefined {@code #placeholder} ranks among the problems
     * @param order          its order within that stage, given the placeholder's token
     */
    DocumentPath parsePath(Problems.Stage undefinedStage, ToIntFunction<Token> order) {
        Token first = cursor.peek();
        List<PathElement> elements = new ArrayList<>(4);
        elements.add(pathName(undefinedStage, order));
        while (true) {
            if (cursor.accept(TokenKind.DOT)) {
                elements.add(pathName(undefinedStage, order));
            } else if (cursor.accept(TokenKind.LEFT_BRACKET)) {
                elements.add(listIndex(cursor.expect(TokenKind.NUMBER)));
                cursor.expect(TokenKind.RIGHT_BRACKET);
            } else {
                break;
            }
        }
        if (elements.size() > ExpressionLimits.MAX_PATH_DEPTH) {
            problems.add(Problems.Stage.NESTING, first.start(), ExpressionMessages.tooManyNestingLevels(elements.size()));
        }
        return new DocumentPath(elements);
    }

    /** A {@code :placeholder}; an undefined one leaves a null value behind its problem. */
    ValueOperand parseValue(Problems.Stage undefinedStage, ToIntFunction<Token> order) {
        Token token = cursor.expect(TokenKind.VALUE_PLACEHOLDER);
        AttributeValue value = attributes.lookupValue(token.text());
        if (value == null) {
            problems.add(undefinedStage, order.applyAsInt(token), ExpressionMessages.undefinedValue(token.text()));
        }
        return new ValueOperand(value);
    }

    /** {@code name(argument, ...)}, the name already known to be followed by a parenthesis. */
    CallSyntax parseCall(Supplier<Operand> argument) {
        Token name = cursor.expect(TokenKind.IDENTIFIER);
        cursor.expect(TokenKind.LEFT_PAREN);
        List<Operand> arguments = new ArrayList<>(2);
        do {
            arguments.add(argument.get());
        } while (cursor.accept(TokenKind.COMMA));
        cursor.expect(TokenKind.RIGHT_PAREN);
        return new CallSyntax(name.text(), arguments, name.start());
    }

    boolean atCall() {
        return cursor.at(TokenKind.IDENTIFIER) && cursor.peek(1).kind() == TokenKind.LEFT_PAREN;
    }

    /**
     * Rejects paths that overlap or conflict with a later path of the same expression, reporting the pair
     * as AWS does (earlier path first).
     *
     * @param lastFirst whether AWS checks these paths from the last backwards (update actions)
     */
    void requireDisjoint(List<DocumentPath> paths, boolean lastFirst) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                PathRelation relation = paths.get(i).relationTo(paths.get(j));
                if (relation != PathRelation.DISJOINT) {
                    problems.add(Problems.Stage.PATHS, lastFirst ? -i : i, relation == PathRelation.OVERLAPPING
                            ? ExpressionMessages.pathsOverlap(paths.get(i), paths.get(j))
                            : ExpressionMessages.pathsConflict(paths.get(i), paths.get(j)));
                    break;
                }
            }
        }
    }

    private PathElement.Name pathName(Problems.Stage undefinedStage, ToIntFunction<Token> order) {
        Token token = cursor.peek();
        if (token.kind() == TokenKind.IDENTIFIER) {
            cursor.next();
            if (ReservedWords.isReserved(token.text())) {
                problems.add(Problems.Stage.STRUCTURE, token.start(), ExpressionMessages.reservedKeyword(token.text()));
            }
            return new PathElement.Name(token.text());
        }
        if (token.kind() != TokenKind.NAME_PLACEHOLDER) {
            throw cursor.syntaxError();
        }
        cursor.next();
        String name = attributes.lookupName(token.text());
        if (name == null) {
            problems.add(undefinedStage, order.applyAsInt(token), ExpressionMessages.undefinedName(token.text()));
            name = token.text();
        }
        return new PathElement.Name(name);
    }

    private PathElement.Index listIndex(Token number) {
        String digits = number.text();
        if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            problems.add(Problems.Stage.STRUCTURE, number.start(), ExpressionMessages.listIndexOutOfRange(digits));
            return new PathElement.Index(0);
        }
        return new PathElement.Index(Integer.parseInt(digits));
    }
}
