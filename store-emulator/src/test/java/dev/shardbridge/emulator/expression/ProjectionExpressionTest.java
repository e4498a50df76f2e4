package dev.shardbridge.emulator.expression;

import static dev.shardbridge.emulator.expression.Fixtures.assertRejected;
import static dev.shardbridge.emulator.expression.Fixtures.item;
import static dev.shardbridge.emulator.expression.Fixtures.l;
import static dev.shardbridge.emulator.expression.Fixtures.m;
import static dev.shardbridge.emulator.expression.Fixtures.n;
import static dev.shardbridge.emulator.expression.Fixtures.names;
import static dev.shardbridge.emulator.expression.Fixtures.ns;
import static dev.shardbridge.emulator.expression.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Projections keep the nesting of what they select; results checked against DynamoDB Local 2.6.1. */
class ProjectionExpressionTest {
    private static final Map<String, AttributeValue> DOC = item(
            "pk", s("p"),
            "a", m("b", l(n(0), m("c", n(1), "d", l(n(5), n(6), n(7))), n(2)), "e", s("x")),
            "f", n(5),
            "g", l(n(0), n(1), n(2), n(3), n(4)),
            "h", ns("1", "2"),
            "name", s("reserved"));

    private static Map<String, AttributeValue> project(String expression, Map<String, AttributeValue> item) {
        return ProjectionExpression.parse(expression, ExpressionAttributes.none()).apply(item);
    }

    @Test
    void topLevelAttributes() {
        assertThat(project("f, h, absent", DOC)).isEqualTo(item("f", n(5), "h", ns("1", "2")));
    }

    @Test
    void nestedPathsKeepTheirNesting() {
        assertThat(project("a.b[1]", DOC))
                .isEqualTo(item("a", m("b", l(m("c", n(1), "d", l(n(5), n(6), n(7)))))));
        assertThat(project("a.b[1].c", DOC)).isEqualTo(item("a", m("b", l(m("c", n(1))))));
        assertThat(project("a.b[1].c, a.b[1].d", DOC))
                .isEqualTo(item("a", m("b", l(m("c", n(1), "d", l(n(5), n(6), n(7)))))));
    }

    @Test
    void selectedListElementsKeepListOrder() {
        assertThat(project("g[3], g[1]", DOC)).isEqualTo(item("g", l(n(1), n(3))));
        assertThat(project("a.b[1].d[2], a.b[1].c, a.b[0], g[4], g[1], h", DOC)).isEqualTo(item(
                "a", m("b", l(n(0), m("c", n(1), "d", l(n(7))))),
                "g", l(n(1), n(4)),
                "h", ns("1", "2")));
        assertThat(project("g[0][1]", item("g", l(l(n(7), n(8)))))).isEqualTo(item("g", l(l(n(8)))));
    }

    @Test
    void missingPartsAndWrongContainersAreLeftOut() {
        assertThat(project("a.zz", DOC)).isEmpty();
        assertThat(project("a.b[7]", DOC)).isEmpty();
        assertThat(project("a[0], f.x, g.y", DOC)).isEmpty();
        assertThat(project("a.zz, f", DOC)).isEqualTo(item("f", n(5)));
    }

    @Test
    void placeholdersResolveNames() {
        ExpressionAttributes attributes = new ExpressionAttributes(names("#n", "name", "#a", "a", "#e", "e"), null);
        assertThat(ProjectionExpression.parse("#n, #a.#e", attributes).apply(DOC))
                .isEqualTo(item("name", s("reserved"), "a", m("e", s("x"))));
    }

    @Test
    void errors() {
        String invalid = "Invalid ProjectionExpression: ";
        assertRejected(() -> ProjectionExpression.parse("", ExpressionAttributes.none()),
                invalid + "The expression can not be empty;");
        assertRejected(() -> ProjectionExpression.parse("a, a.b", ExpressionAttributes.none()), invalid
                + "Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [a], path two: [a, b]");
        assertRejected(() -> ProjectionExpression.parse("f, f", ExpressionAttributes.none()), invalid
                + "Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [f], path two: [f]");
        assertRejected(() -> ProjectionExpression.parse("g[1], g.x", ExpressionAttributes.none()), invalid
                + "Two document paths conflict with each other; must remove or rewrite one of these paths; "
                + "path one: [g, [1]], path two: [g, x]");
        assertRejected(() -> ProjectionExpression.parse("name", ExpressionAttributes.none()),
                invalid + "Attribute name is a reserved keyword; reserved keyword: name");
        assertRejected(() -> ProjectionExpression.parse("#n", ExpressionAttributes.none()), invalid
                + "An expression attribute name used in the document path is not defined; attribute name: #n");
        assertRejected(() -> ProjectionExpression.parse(":v", ExpressionAttributes.none()),
                invalid + "Syntax error; token: \":v\", near: \":v\"");
        assertRejected(() -> ProjectionExpression.parse("a,", ExpressionAttributes.none()),
                invalid + "Syntax error; token: \"<EOF>\", near: \",\"");
        assertRejected(() -> ProjectionExpression.parse("size(a)", ExpressionAttributes.none()),
                invalid + "Syntax error; token: \"(\", near: \"size(a\"");
        assertRejected(() -> ProjectionExpression.parse("a".repeat(4097), ExpressionAttributes.none()),
                invalid + "Expression size has exceeded the maximum allowed size;");
        assertRejected(() -> ProjectionExpression.parse("a.".repeat(32) + "a", ExpressionAttributes.none()),
                invalid + "The document path has too many nesting levels; nesting levels: 33");
    }
}
