package dev.shardbridge.emulator.expression;

import static dev.shardbridge.emulator.expression.Fixtures.assertRejected;
import static dev.shardbridge.emulator.expression.Fixtures.b;
import static dev.shardbridge.emulator.expression.Fixtures.bool;
import static dev.shardbridge.emulator.expression.Fixtures.item;
import static dev.shardbridge.emulator.expression.Fixtures.l;
import static dev.shardbridge.emulator.expression.Fixtures.m;
import static dev.shardbridge.emulator.expression.Fixtures.n;
import static dev.shardbridge.emulator.expression.Fixtures.ns;
import static dev.shardbridge.emulator.expression.Fixtures.nul;
import static dev.shardbridge.emulator.expression.Fixtures.s;
import static dev.shardbridge.emulator.expression.Fixtures.ss;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** AWS's messages for invalid update expressions and failing updates, as DynamoDB Local 2.6.1 words them. */
class UpdateExpressionErrorsTest {
    private static final String INVALID = "Invalid UpdateExpression: ";
    private static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";
    private static final String MISSING = "The provided expression refers to an attribute that does not exist in the item";
    private static final String WRONG_TYPE = "An operand in the update expression has an incorrect data type";

    private static void rejected(String expression, String detail, Object... values) {
        assertRejected(() -> UpdateExpression.parse(expression, Fixtures.values(values)), INVALID + detail);
    }

    private static void failsOn(Map<String, AttributeValue> item, String expression, String message, Object... values) {
        UpdateExpression update = UpdateExpression.parse(expression, Fixtures.values(values));
        assertRejected(() -> update.apply(item), message);
    }

    @Test
    void emptyAndSyntax() {
        rejected("", "The expression can not be empty;");
        rejected("a = :v", "Syntax error; token: \"a\", near: \"a =\"", ":v", n(1));
        rejected("UPDATE a = :v", "Syntax error; token: \"UPDATE\", near: \"UPDATE a\"", ":v", n(1));
        rejected("SET a :v", "Syntax error; token: \":v\", near: \"a :v\"", ":v", n(1));
        rejected("SET a = :v,", "Syntax error; token: \"<EOF>\", near: \",\"", ":v", n(1));
        rejected("SET a = :v -", "Syntax error; token: \"<EOF>\", near: \"-\"", ":v", n(1));
        rejected("SET a = a + :v + :v", "Syntax error; token: \"+\", near: \":v + :v\"", ":v", n(1));
        rejected("ADD a b", "Syntax error; token: \"b\", near: \"a b\"");
        rejected("SET 1a = :v", "Syntax error; token: \"1\", near: \"SET 1a\"", ":v", n(1));
    }

    @Test
    void eachClauseAtMostOnce() {
        rejected("SET a = :v SET b = :v", "The \"SET\" section can only be used once in an update expression;", ":v", n(1));
        rejected("REMOVE a REMOVE b", "The \"REMOVE\" section can only be used once in an update expression;");
        rejected("set a = :v SET b = :v", "The \"SET\" section can only be used once in an update expression;", ":v", n(1));
    }

    @Test
    void pathsMustNotOverlap() {
        rejected("SET a = :v, a.b = :v", "Two document paths overlap with each other; must remove or rewrite one of "
                + "these paths; path one: [a], path two: [a, b]", ":v", n(1));
        rejected("SET a.b = :v REMOVE a", "Two document paths overlap with each other; must remove or rewrite one of "
                + "these paths; path one: [a, b], path two: [a]", ":v", n(1));
        rejected("SET a[1] = :v, a[1].b = :v", "Two document paths overlap with each other; must remove or rewrite one of "
                + "these paths; path one: [a, [1]], path two: [a, [1], b]", ":v", n(1));
        rejected("ADD a :v DELETE a :v", "Two document paths overlap with each other; must remove or rewrite one of "
                + "these paths; path one: [a], path two: [a]", ":v", ss("x"));
    }

    @Test
    void pathsMustNotConflict() {
        rejected("SET a[1] = :v, a.b = :v", "Two document paths conflict with each other; must remove or rewrite one of "
                + "these paths; path one: [a, [1]], path two: [a, b]", ":v", n(1));
    }

    @Test
    void operandTypesKnownUpFront() {
        rejected("SET a = a + :v", "Incorrect operand type for operator or function; operator or function: +, operand type: S",
                ":v", s("x"));
        rejected("SET a = :v - :w", "Incorrect operand type for operator or function; operator or function: -, operand type: S",
                ":v", n(1), ":w", s("x"));
        rejected("SET a = list_append(a, :v)",
                "Incorrect operand type for operator or function; operator or function: list_append, operand type: N", ":v", n(1));
        rejected("SET a = if_not_exists(:v, a)",
                "Operator or function requires a document path; operator or function: if_not_exists", ":v", n(1));
        rejected("SET a = if_not_exists(a)",
                "Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1");
        rejected("SET a = list_append(a, :v, :v)",
                "Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 3",
                ":v", l());
    }

    @Test
    void addAndDeleteOperandTypes() {
        rejected("ADD a :v", "Incorrect operand type for operator or function; operator: ADD, operand type: STRING, "
                + "typeSet: ALLOWED_FOR_ADD_OPERAND", ":v", s("x"));
        rejected("ADD a :v", "Incorrect operand type for operator or function; operator: ADD, operand type: LIST, "
                + "typeSet: ALLOWED_FOR_ADD_OPERAND", ":v", l());
        rejected("ADD a :v", "Incorrect operand type for operator or function; operator: ADD, operand type: MAP, "
                + "typeSet: ALLOWED_FOR_ADD_OPERAND", ":v", m());
        rejected("ADD a :v", "Incorrect operand type for operator or function; operator: ADD, operand type: BOOLEAN, "
                + "typeSet: ALLOWED_FOR_ADD_OPERAND", ":v", bool(true));
        rejected("ADD a :v", "Incorrect operand type for operator or function; operator: ADD, operand type: NULL, "
                + "typeSet: ALLOWED_FOR_ADD_OPERAND", ":v", nul());
        rejected("ADD a :v", "Incorrect operand type for operator or function; operator: ADD, operand type: BINARY, "
                + "typeSet: ALLOWED_FOR_ADD_OPERAND", ":v", b(0));
        rejected("DELETE a :v", "Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER, "
                + "typeSet: ALLOWED_FOR_DELETE_OPERAND", ":v", n(1));
        rejected("DELETE a :v", "Incorrect operand type for operator or function; operator: DELETE, operand type: STRING, "
                + "typeSet: ALLOWED_FOR_DELETE_OPERAND", ":v", s("x"));
    }

    @Test
    void functionsOfTheUpdateLanguage() {
        rejected("SET a = foo(a)", "Invalid function name; function: foo");
        rejected("SET a = size(b)", "The function is not allowed in an update expression; function: size");
        rejected("SET a = attribute_exists(b)", "The function is not allowed in an update expression; function: attribute_exists");
    }

    @Test
    void reservedWordsPlaceholdersAndLimits() {
        rejected("SET name = :v", "Attribute name is a reserved keyword; reserved keyword: name", ":v", n(1));
        rejected("SET #a = :v", "An expression attribute name used in the document path is not defined; attribute name: #a",
                ":v", n(1));
        rejected("SET a = :x", "An expression attribute value used in expression is not defined; attribute value: :x",
                ":v", n(1));
        rejected("SET a[99999999999] = :v", "List index is not within the allowable range; index: [99999999999]", ":v", n(1));
        rejected("SET " + "a.".repeat(32) + "a = :v", "The document path has too many nesting levels; nesting levels: 33",
                ":v", n(1));
        rejected("SET a = ((:v))", "The expression has redundant parentheses;", ":v", n(1));
        rejected("SET a = :v" + " ".repeat(4100), "Expression size has exceeded the maximum allowed size;", ":v", n(1));
        String plus301 = "SET " + IntStream.range(0, 301).mapToObj(i -> "a" + i + "=:v+:v").collect(Collectors.joining(","));
        rejected(plus301, "The expression contains too many operators; operator count: 301", ":v", n(1));
    }

    @Test
    void laterActionsAreCheckedFirst() {
        rejected("SET #x = :v, a = :x", "An expression attribute name used in the document path is not defined; "
                + "attribute name: #x", ":v", n(1));
        rejected("SET a = :v + :s, b = :x", "An expression attribute value used in expression is not defined; "
                + "attribute value: :x", ":v", n(1), ":s", s("x"));
        rejected("SET b = :x, a = :v + :s", "Incorrect operand type for operator or function; operator or function: +, "
                + "operand type: S", ":v", n(1), ":s", s("x"));
        rejected("SET a = :v, a = :v, #x = :v", "An expression attribute name used in the document path is not defined; "
                + "attribute name: #x", ":v", n(1));
        rejected("SET #x = :v, a = :v, a = :v", "Two document paths overlap with each other; must remove or rewrite one of "
                + "these paths; path one: [a], path two: [a]", ":v", n(1));
        rejected("SET a = foo(:v), name = :v", "Invalid function name; function: foo", ":v", n(1));
        rejected("SET name = :v SET a = :v", "Attribute name is a reserved keyword; reserved keyword: name", ":v", n(1));
    }

    @Test
    void parentsMustExistAndHaveTheRightKind() {
        failsOn(item(), "SET a.b = :v", INVALID_PATH, ":v", n(1));
        failsOn(item("a", n(1)), "SET a.b = :v", INVALID_PATH, ":v", n(1));
        failsOn(item("a", m("x", n(1))), "SET a[0] = :v", INVALID_PATH, ":v", n(1));
        failsOn(item(), "SET a[0] = :v", INVALID_PATH, ":v", n(1));
        failsOn(item("a", l(m())), "SET a[3].b = :v", INVALID_PATH, ":v", n(1));
        failsOn(item("a", m()), "SET a.b.c = :v", INVALID_PATH, ":v", n(1));
        failsOn(item(), "REMOVE a.b", INVALID_PATH);
        failsOn(item(), "REMOVE a[0]", INVALID_PATH);
        failsOn(item("a", n(1)), "REMOVE a.b", INVALID_PATH);
        failsOn(item(), "ADD a.b :v", INVALID_PATH, ":v", n(1));
        failsOn(item(), "DELETE a.b :v", INVALID_PATH, ":v", ss("x"));
    }

    @Test
    void operandsMustExistAtRunTime() {
        failsOn(item(), "SET a = a + :v", MISSING, ":v", n(1));
        failsOn(item("b", m()), "SET a = b.c", MISSING);
        failsOn(item("b", l()), "SET a = b[5]", MISSING);
        failsOn(item(), "SET a = list_append(a, :v)", MISSING, ":v", l());
    }

    @Test
    void operandTypesAtRunTime() {
        failsOn(item("a", s("x")), "SET a = a + :v", WRONG_TYPE, ":v", n(1));
        failsOn(item("a", n(1)), "SET a = list_append(a, :v)", WRONG_TYPE, ":v", l());
        failsOn(item("a", ns("1")), "ADD a :v", WRONG_TYPE, ":v", ss("y"));
        failsOn(item("a", ns("1")), "ADD a :v", WRONG_TYPE, ":v", n(1));
        failsOn(item("a", n(1)), "ADD a :v", WRONG_TYPE, ":v", ns("2"));
        failsOn(item("a", s("x")), "ADD a :v", WRONG_TYPE, ":v", n(1));
        failsOn(item("a", ns("1")), "DELETE a :v", WRONG_TYPE, ":v", ss("y"));
        failsOn(item("a", s("x")), "DELETE a :v", WRONG_TYPE, ":v", ss("y"));
    }

    @Test
    void arithmeticResultsMustBeStorableNumbers() {
        failsOn(item("a", n("1E+30")), "SET a = a + :v", "DynamoDB only supports precision up to 38 digits",
                ":v", n("0.000000001"));
        failsOn(item("a", n("1E+30")), "ADD a :v", "DynamoDB only supports precision up to 38 digits", ":v", n("0.000000001"));
        failsOn(item("a", n("9E+125")), "SET a = a + :v",
                "Number overflow. Attempting to store a number with magnitude larger than supported range", ":v", n("9E+125"));
        failsOn(item("a", n("9E+125")), "ADD a :v",
                "Number overflow. Attempting to store a number with magnitude larger than supported range", ":v", n("9E+125"));
        failsOn(item("a", n("2E-130")), "SET a = a - :v",
                "Number underflow. Attempting to store a number with magnitude smaller than supported range", ":v", n("1.5E-130"));
    }
}
