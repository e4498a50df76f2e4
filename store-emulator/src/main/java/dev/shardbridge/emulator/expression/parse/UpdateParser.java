package dev.shardbridge.emulator.expression.parse;

import dev.shardbridge.emulator.expression.ExpressionAttributes;
import dev.shardbridge.emulator.expression.ExpressionKind;
import dev.shardbridge.emulator.expression.ast.ArithmeticOperand;
import dev.shardbridge.emulator.expression.ast.ArithmeticOperator;
import dev.shardbridge.emulator.expression.ast.Operand;
import dev.shardbridge.emulator.expression.ast.PathOperand;
import dev.shardbridge.emulator.expression.ast.UpdateAction;
import dev.shardbridge.emulator.expression.path.DocumentPath;
import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Parses an UpdateExpression.
 *
 * <pre>
 * update := section+
 * section := SET path '=' value (',' ...)* | REMOVE path (',' path)*
 *          | ADD path :value (',' ...)* | DELETE path :value (',' ...)*
 * value  := term (('+' | '-') term)?
 * term   := '(' value ')' | path | :value | function '(' term (',' term)* ')'
 * </pre>
 * AWS checks names, types and path overlaps from the last action backwards, so problems found in an
 * action are ordered by the negated action index.
 */
public final class UpdateParser extends ExpressionParser {
    private final UpdateFunctions functions = new UpdateFunctions(this);
    private int actionIndex;

    private UpdateParser(String text, ExpressionAttributes attributes) {
        super(text, ExpressionKind.UPDATE, attributes);
    }

    /** Parses and checks {@code text}, in clause order, throwing AWS's ValidationException for the first problem. */
    public static List<UpdateAction> parse(String text, ExpressionAttributes attributes) {
        UpdateParser parser = new UpdateParser(text, attributes);
        List<UpdateAction> actions = parser.parseSections();
        parser.finish();
        return actions;
    }

    /** The order of a problem found in the action being parsed: later actions rank first. */
    int currentActionOrder() {
        return -actionIndex;
    }

    private int actionOrder(Token ignored) {
        return currentActionOrder();
    }

    private List<UpdateAction> parseSections() {
        if (!cursor.peek().kind().isUpdateSection()) {
            throw cursor.syntaxError();
        }
        Set<TokenKind> seen = EnumSet.noneOf(TokenKind.class);
        List<UpdateAction> actions = new ArrayList<>();
        while (cursor.peek().kind().isUpdateSection()) {
            Token section = cursor.next();
            if (!seen.add(section.kind())) {
                problems.add(Problems.Stage.SECTIONS, section.start(), ExpressionMessages.sectionRepeated(section.kind().name()));
            }
            do {
                actionIndex = actions.size();
                actions.add(parseAction(section.kind()));
            } while (cursor.accept(TokenKind.COMMA));
        }
        expectEnd();
        List<DocumentPath> targets = new ArrayList<>(actions.size());
        for (UpdateAction action : actions) {
            targets.add(action.path());
        }
        requireDisjoint(targets, true);
        return actions;
    }

    private UpdateAction parseAction(TokenKind section) {
        DocumentPath path = parsePath(Problems.Stage.PATHS, this::actionOrder);
        return switch (section) {
            case SET -> {
                cursor.expect(TokenKind.EQ);
                yield new UpdateAction.Set(path, parseSetValue().operand());
            }
            case REMOVE -> new UpdateAction.Remove(path);
            case ADD -> new UpdateAction.Add(path, parseActionValue("ADD"));
            default -> new UpdateAction.Delete(path, parseActionValue("DELETE"));
        };
    }

    /** ADD takes a number or a set, DELETE only a set. */
    private AttributeValue parseActionValue(String action) {
        AttributeValue value = parseValue(Problems.Stage.SEMANTICS, this::actionOrder).value();
        if (value != null) {
            AttributeType type = value.type();
            boolean set = type == AttributeType.SS || type == AttributeType.NS || type == AttributeType.BS;
            if (!set && !(type == AttributeType.N && action.equals("ADD"))) {
                problems.add(Problems.Stage.SEMANTICS, currentActionOrder(), ExpressionMessages.actionOperandType(action, type));
            }
        }
        return value;
    }

    /** A term as parsed, remembering whether it was a parenthesized group (for the redundancy check). */
    private record Term(Operand operand, boolean parenthesized) {
    }

    private Term parseSetValue() {
        Term left = parseTerm();
        if (!cursor.at(TokenKind.PLUS) && !cursor.at(TokenKind.MINUS)) {
            return left;
        }
        if (left.operand() instanceof ArithmeticOperand) {
            throw cursor.syntaxError(); // "(a + b) + c": AWS allows one operator per value
        }
        ArithmeticOperator operator = cursor.next().kind() == TokenKind.PLUS ? ArithmeticOperator.PLUS : ArithmeticOperator.MINUS;
        countOperator();
        Operand right = parseTerm().operand();
        for (Operand operand : List.of(left.operand(), right)) {
            AttributeType type = operand.staticType();
            if (type != null && type != AttributeType.N) {
                problems.add(Problems.Stage.SEMANTICS, currentActionOrder(), ExpressionMessages.operandType(operator.symbol(), type));
                break;
            }
        }
        return new Term(new ArithmeticOperand(operator, left.operand(), right), false);
    }

    private Term parseTerm() {
        if (!cursor.at(TokenKind.LEFT_PAREN)) {
            return new Term(parseOperand(), false);
        }
        Token open = cursor.next();
        Term inner = parseSetValue();
        cursor.expect(TokenKind.RIGHT_PAREN);
        if (inner.parenthesized()) {
            problems.add(Problems.Stage.REDUNDANT_PARENTHESES, open.start(), ExpressionMessages.REDUNDANT_PARENTHESES);
        }
        return new Term(inner.operand(), true);
    }

    private Operand parseOperand() {
        if (atCall()) {
            return functions.bind(parseCall(() -> parseTerm().operand()));
        }
        Token token = cursor.peek();
        if (token.kind() == TokenKind.VALUE_PLACEHOLDER) {
            return parseValue(Problems.Stage.SEMANTICS, this::actionOrder);
        }
        if (token.kind() == TokenKind.IDENTIFIER || token.kind() == TokenKind.NAME_PLACEHOLDER) {
            return new PathOperand(parsePath(Problems.Stage.PATHS, this::actionOrder));
        }
        throw cursor.syntaxError();
    }
}
