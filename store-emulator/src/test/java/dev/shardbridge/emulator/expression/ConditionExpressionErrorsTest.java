package dev.shardbridge.emulator.expression;

import static dev.shardbridge.emulator.expression.Fixtures.assertRejected;
import static dev.shardbridge.emulator.expression.Fixtures.b;
import static dev.shardbridge.emulator.expression.Fixtures.bool;
import static dev.shardbridge.emulator.expression.Fixtures.l;
import static dev.shardbridge.emulator.expression.Fixtures.n;
import static dev.shardbridge.emulator.expression.Fixtures.names;
import static dev.shardbridge.emulator.expression.Fixtures.nul;
import static dev.shardbridge.emulator.expression.Fixtures.s;
import static dev.shardbridge.emulator.expression.Fixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** AWS's validation messages for condition expressions, as DynamoDB Local 2.6.1 words them. */
class ConditionExpressionErrorsTest {
    private static final String INVALID = "Invalid ConditionExpression: ";

    private static void rejected(String expression, String detail, Object... values) {
        assertRejected(() -> ConditionExpression.parse(expression, ExpressionKind.CONDITION, Fixtures.values(values)),
                INVALID + detail);
    }

    private static String repeat(String clause, String separator, int times) {
        return IntStream.range(0, times).mapToObj(i -> clause).collect(Collectors.joining(separator));
    }

    @Test
    void emptyExpression() {
        rejected("", "The expression can not be empty;");
    }

    @Test
    void kindNamesTheParameter() {
        assertRejected(() -> ConditionExpression.parse("a = ", ExpressionKind.FILTER, ExpressionAttributes.none()),
                "Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"= \"");
    }

    @Test
    void syntaxErrorsQuoteTheOffendingTokenAndItsNeighbours() {
        rejected("a = ", "Syntax error; token: \"<EOF>\", near: \"= \"");
        rejected("a == :v", "Syntax error; token: \"=\", near: \"== :v\"", ":v", n(1));
        rejected("a = :v AND", "Syntax error; token: \"<EOF>\", near: \"AND\"", ":v", n(1));
        rejected("(a = :v", "Syntax error; token: \"<EOF>\", near: \":v\"", ":v", n(1));
        rejected("a = :v)", "Syntax error; token: \")\", near: \":v)\"", ":v", n(1));
        rejected("a @ :v", "Syntax error; token: \"@\", near: \"a @ :v\"", ":v", n(1));
        rejected("a", "Syntax error; token: \"<EOF>\", near: \"a\"");
        rejected("   ", "Syntax error; token: \"<EOF>\", near: \"   \"");
        rejected("(a).b = :v", "Syntax error; token: \".\", near: \").b\"", ":v", n(1));
        rejected("a IN :v", "Syntax error; token: \":v\", near: \"IN :v\"", ":v", n(1));
        rejected("a IN ()", "Syntax error; token: \")\", near: \"()\"");
        rejected("a = 'x'", "Syntax error; token: \"'\", near: \"= 'x\"");
        rejected("a = 1", "Syntax error; token: \"1\", near: \"= 1\"");
        rejected("\u00e9 = :v", "Syntax error; token: \"\u00e9\", near: \"\u00e9 =\"", ":v", n(1));
    }

    @Test
    void syntaxErrorsForKeywordsAndBadNames() {
        rejected("between = :v", "Syntax error; token: \"between\", near: \"between =\"", ":v", n(1));
        rejected("remove = :v", "Syntax error; token: \"remove\", near: \"remove =\"", ":v", n(1));
        rejected("not = :v", "Syntax error; token: \"=\", near: \"not = :v\"", ":v", n(1));
        rejected("_a = :v", "Syntax error; token: \"_\", near: \"_a\"", ":v", n(1));
        rejected("1a = :v", "Syntax error; token: \"1\", near: \"1a\"", ":v", n(1));
        rejected("a-b = :v", "Syntax error; token: \"-\", near: \"a-b\"", ":v", n(1));
        rejected("a#b = :v", "Syntax error; token: \"#b\", near: \"a#b =\"", ":v", n(1));
        rejected("# = :v", "Syntax error; token: \"#\", near: \"# =\"", ":v", n(1));
        rejected("a = :", "Syntax error; token: \":\", near: \"= :\"");
        rejected("a[-1] = :v", "Syntax error; token: \"-\", near: \"[-1\"", ":v", n(1));
        rejected("[1] = :v", "Syntax error; token: \"[\", near: \"[1\"", ":v", n(1));
        rejected("a[007] = :v", "Syntax error; token: \"0\", near: \"007\"", ":v", n(1));
    }

    @Test
    void reservedWordsNeedPlaceholders() {
        rejected("a.name = :v", "Attribute name is a reserved keyword; reserved keyword: name", ":v", n(1));
        rejected("Status = :v", "Attribute name is a reserved keyword; reserved keyword: Status", ":v", n(1));
        rejected("size = :v", "Attribute name is a reserved keyword; reserved keyword: size", ":v", n(1));
    }

    @Test
    void undefinedPlaceholders() {
        rejected("#x = :v", "An expression attribute name used in the document path is not defined; attribute name: #x",
                ":v", n(1));
        rejected("a = :w", "An expression attribute value used in expression is not defined; attribute value: :w",
                ":v", n(1));
    }

    @Test
    void redundantParentheses() {
        rejected("((a = :v))", "The expression has redundant parentheses;", ":v", n(1));
        rejected("((a)) = :v", "The expression has redundant parentheses;", ":v", n(1));
        rejected("a = ((:v))", "The expression has redundant parentheses;", ":v", n(1));
        rejected("NOT ((a = :v))", "The expression has redundant parentheses;", ":v", n(1));
    }

    @Test
    void parenthesesThatGroupSomethingAreNotRedundant() {
        ConditionExpression.parse("((a = :v) AND b = :v) OR a IN ((:v))", ExpressionKind.CONDITION,
                Fixtures.values(":v", n(1)));
    }

    @Test
    void orderingNeedsScalarOperands() {
        rejected("a < :b", "Incorrect operand type for operator or function; operator or function: <, operand type: BOOL",
                ":b", bool(true));
        rejected("a >= :b", "Incorrect operand type for operator or function; operator or function: >=, operand type: L",
                ":b", l());
        rejected("a < :b", "Incorrect operand type for operator or function; operator or function: <, operand type: NULL",
                ":b", nul());
    }

    @Test
    void betweenBounds() {
        rejected("a BETWEEN :a AND :b", "The BETWEEN operator requires upper bound to be greater than or equal to "
                + "lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}",
                ":a", n(5), ":b", n(1));
        rejected("a BETWEEN :a AND :b", "The BETWEEN operator requires upper bound to be greater than or equal to "
                + "lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}",
                ":a", s("b"), ":b", s("a"));
        rejected("a BETWEEN :a AND :b", "The BETWEEN operator requires same data type for lower and upper bounds; "
                + "lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {S:a}",
                ":a", n(5), ":b", s("a"));
        rejected("a BETWEEN :a AND :b", "Incorrect operand type for operator or function; operator or function: BETWEEN, "
                + "operand type: BOOL", ":a", bool(true), ":b", bool(true));
    }

    @Test
    void inTakesAtMostOneHundredOperands() {
        String hundredOne = "a IN (" + repeat(":v", ", ", 101) + ")";
        rejected(hundredOne, "The IN operator is provided with too many operands; number of operands: 101", ":v", n(1));
        ConditionExpression.parse("a IN (" + repeat(":v", ", ", 100) + ")", ExpressionKind.CONDITION,
                Fixtures.values(":v", n(1)));
    }

    @Test
    void operandsMustBeDistinctPaths() {
        rejected("a = a", "The first operand must be distinct from the remaining operands for this operator or function; "
                + "operator: =, first operand: [a]");
        rejected("a.b BETWEEN a.b AND :v", "The first operand must be distinct from the remaining operands for this "
                + "operator or function; operator: BETWEEN, first operand: [a, b]", ":v", n(1));
        rejected("a IN (a, b)", "The first operand must be distinct from the remaining operands for this operator or "
                + "function; operator: IN, first operand: [a]");
        rejected("begins_with(a, a)", "The first operand must be distinct from the remaining operands for this operator "
                + "or function; operator: begins_with, first operand: [a]");
    }

    @Test
    void functionNamesAndUse() {
        rejected("foo(a)", "Invalid function name; function: foo");
        rejected("ATTRIBUTE_EXISTS(a)", "Invalid function name; function: ATTRIBUTE_EXISTS");
        rejected("size(a)", "The function is not allowed to be used this way in an expression; function: size");
        rejected("a IN (attribute_exists(b))",
                "The function is not allowed to be used this way in an expression; function: attribute_exists");
        rejected("if_not_exists(a, :v) = :v", "The function is not allowed in a condition expression; function: if_not_exists",
                ":v", n(1));
        rejected("list_append(a, :v) = :v", "The function is not allowed in a condition expression; function: list_append",
                ":v", n(1));
    }

    @Test
    void functionOperands() {
        rejected("attribute_exists(a, b)",
                "Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2");
        rejected("contains(a)",
                "Incorrect number of operands for operator or function; operator or function: contains, number of operands: 1");
        rejected("attribute_exists(:v)",
                "Operator or function requires a document path; operator or function: attribute_exists", ":v", n(1));
        rejected("attribute_not_exists(size(a))",
                "Operator or function requires a document path; operator or function: attribute_not_exists");
        rejected("begins_with(a, :t)",
                "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N", ":t", n(1));
        rejected("begins_with(a, size(b))",
                "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        rejected("size(:v) = :v",
                "Incorrect operand type for operator or function; operator or function: size, operand type: N", ":v", n(1));
        rejected("size(size(a)) = :v",
                "Incorrect operand type for operator or function; operator or function: size, operand type: N", ":v", n(1));
    }

    @Test
    void attributeTypeNeedsAKnownTypeName() {
        rejected("attribute_type(a, :t)", "Invalid attribute type name found; type: XX, valid types: "
                + "{N,BS,L,B,NULL,M,S,SS,NS,BOOL}", ":t", s("XX"));
        rejected("attribute_type(a, :t)",
                "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N",
                ":t", n(1));
        rejected("attribute_type(a, :t)",
                "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: SS",
                ":t", ss("S"));
    }

    @Test
    void listIndexesAndPathDepthAreLimited() {
        rejected("a[2147483648] = :v", "List index is not within the allowable range; index: [2147483648]", ":v", n(1));
        rejected("a[99999999999] = :v", "List index is not within the allowable range; index: [99999999999]", ":v", n(1));
        ConditionExpression.parse("a[2147483647] = :v", ExpressionKind.CONDITION, Fixtures.values(":v", n(1)));
        rejected(repeat("a", ".", 33) + " = :v", "The document path has too many nesting levels; nesting levels: 33",
                ":v", n(1));
        rejected("a" + "[0]".repeat(32) + " = :v", "The document path has too many nesting levels; nesting levels: 33",
                ":v", n(1));
        ConditionExpression.parse(repeat("a", ".", 32) + " = :v", ExpressionKind.CONDITION, Fixtures.values(":v", n(1)));
    }

    @Test
    void expressionsAreLimitedTo4096Characters() {
        String longest = "a = :v" + " ".repeat(4090);
        assertThat(longest).hasSize(4096);
        ConditionExpression.parse(longest, ExpressionKind.CONDITION, Fixtures.values(":v", n(1)));
        rejected(longest + " ", "Expression size has exceeded the maximum allowed size; expression size: 4097", ":v", n(1));
    }

    @Test
    void expressionsAreLimitedTo300Operators() {
        ConditionExpression.parse(repeat("a = :v", " OR ", 150), ExpressionKind.CONDITION, Fixtures.values(":v", n(1)));
        rejected(repeat("a = :v", " OR ", 151), "The expression contains too many operators; operator count: 301", ":v", n(1));
        rejected(repeat("size(a) = :v", " OR ", 101), "The expression contains too many operators; operator count: 301",
                ":v", n(1));
        rejected(repeat("NOT a = :v", " OR ", 101), "The expression contains too many operators; operator count: 301",
                ":v", n(1));
    }

    @Test
    void theFirstProblemByAwsPriorityIsReported() {
        rejected("name = :x", "Attribute name is a reserved keyword; reserved keyword: name", ":v", n(1));
        rejected("#n = :v AND name = :v", "Attribute name is a reserved keyword; reserved keyword: name", ":v", n(1));
        rejected("((#n = :v))", "The expression has redundant parentheses;", ":v", n(1));
        rejected("foo(a) AND name = :v", "Invalid function name; function: foo", ":v", n(1));
        rejected("name = :v AND foo(a)", "Attribute name is a reserved keyword; reserved keyword: name", ":v", n(1));
        rejected(":x = #n", "An expression attribute value used in expression is not defined; attribute value: :x", ":v", n(1));
        rejected("b = :x AND a BETWEEN :v AND :w",
                "An expression attribute value used in expression is not defined; attribute value: :x", ":v", n(5), ":w", n(1));
        rejected("a BETWEEN :v AND :w AND b = :x", "The BETWEEN operator requires upper bound to be greater than or equal "
                + "to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}",
                ":v", n(5), ":w", n(1));
        rejected(repeat("a", ".", 33) + " = :v AND a[99999999999] = :v",
                "List index is not within the allowable range; index: [99999999999]", ":v", n(1));
        rejected(repeat("a = :v", " OR ", 151) + " OR " + repeat("a", ".", 33) + " = :v",
                "The document path has too many nesting levels; nesting levels: 33", ":v", n(1));
        rejected(repeat("a = :v", " OR ", 151) + " OR a = :x",
                "An expression attribute value used in expression is not defined; attribute value: :x", ":v", n(1));
        rejected("a = a AND b < :l", "The first operand must be distinct from the remaining operands for this operator or "
                + "function; operator: =, first operand: [a]", ":l", l());
        rejected(repeat("a = :v", " OR ", 151) + " OR", "Syntax error; token: \"<EOF>\", near: \"OR\"", ":v", n(1));
    }

    @Test
    void placeholdersMayBeGivenForReservedNames() {
        ConditionExpression.parse("#s = :v", ExpressionKind.CONDITION,
                new ExpressionAttributes(names("#s", "status"), Fixtures.item(":v", b(1))));
    }
}
