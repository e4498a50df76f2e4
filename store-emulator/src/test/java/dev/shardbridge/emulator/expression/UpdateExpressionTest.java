package dev.shardbridge.emulator.expression;

import static dev.shardbridge.emulator.expression.Fixtures.bs;
import static dev.shardbridge.emulator.expression.Fixtures.bytes;
import static dev.shardbridge.emulator.expression.Fixtures.item;
import static dev.shardbridge.emulator.expression.Fixtures.l;
import static dev.shardbridge.emulator.expression.Fixtures.m;
import static dev.shardbridge.emulator.expression.Fixtures.n;
import static dev.shardbridge.emulator.expression.Fixtures.names;
import static dev.shardbridge.emulator.expression.Fixtures.ns;
import static dev.shardbridge.emulator.expression.Fixtures.s;
import static dev.shardbridge.emulator.expression.Fixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.expression.path.DocumentPath;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Applying update expressions; expected items checked against DynamoDB Local 2.6.1. */
class UpdateExpressionTest {

    private static Map<String, AttributeValue> apply(String expression, Map<String, AttributeValue> item, Object... values) {
        return UpdateExpression.parse(expression, Fixtures.values(values)).apply(item);
    }

    @Test
    void setWritesTopLevelAndNestedAttributes() {
        Map<String, AttributeValue> before = item("pk", s("k"), "a", m("b", n(1)));
        assertThat(apply("SET x = :v, a.c = :v, a.b = :w", before, ":v", s("v"), ":w", n(2)))
                .isEqualTo(item("pk", s("k"), "a", m("b", n(2), "c", s("v")), "x", s("v")));
        assertThat(before).isEqualTo(item("pk", s("k"), "a", m("b", n(1))));
    }

    @Test
    void setOperandsSeeTheItemAsItWasBefore() {
        assertThat(apply("SET a = b, b = a", item("a", n(1), "b", n(2)))).isEqualTo(item("a", n(2), "b", n(1)));
        assertThat(apply("SET g[1] = g[3], g[3] = g[1]", item("g", l(n(0), n(1), n(2), n(3)))))
                .isEqualTo(item("g", l(n(0), n(3), n(2), n(1))));
    }

    @Test
    void setCopiesWholeDocuments() {
        assertThat(apply("SET a.b = a", item("a", m("b", n(1))))).isEqualTo(item("a", m("b", m("b", n(1)))));
    }

    @Test
    void setArithmetic() {
        assertThat(apply("SET a = a + :v", item("a", n(5)), ":v", n(1))).isEqualTo(item("a", n(6)));
        assertThat(apply("SET a = :v - a", item("a", n(5)), ":v", n(1))).isEqualTo(item("a", n(-4)));
        assertThat(apply("SET a = :v + :v", item(), ":v", n("0.5"))).isEqualTo(item("a", n(1)));
        assertThat(apply("SET a = (a + :v)", item("a", n(5)), ":v", n(1))).isEqualTo(item("a", n(6)));
        assertThat(apply("SET a = (a) - (:v)", item("a", n(5)), ":v", n(1))).isEqualTo(item("a", n(4)));
    }

    @Test
    void ifNotExistsFallsBackOnlyWhenThePathIsMissing() {
        assertThat(apply("SET a = if_not_exists(a, :v)", item("a", n(5)), ":v", n(1))).isEqualTo(item("a", n(5)));
        assertThat(apply("SET a = if_not_exists(b, :v)", item("a", n(5)), ":v", n(1))).isEqualTo(item("a", n(1)));
        assertThat(apply("SET a = if_not_exists(b.c, :v)", item("b", n(1)), ":v", n(1)))
                .isEqualTo(item("b", n(1), "a", n(1)));
        assertThat(apply("SET a = if_not_exists(b, if_not_exists(c, :v))", item(), ":v", n(1))).isEqualTo(item("a", n(1)));
        assertThat(apply("SET a = if_not_exists(a, :z) + :v", item(), ":z", n(0), ":v", n(1))).isEqualTo(item("a", n(1)));
    }

    @Test
    void listAppendJoinsLists() {
        assertThat(apply("SET a = list_append(a, :v)", item("a", l(n(1))), ":v", l(n(2))))
                .isEqualTo(item("a", l(n(1), n(2))));
        assertThat(apply("SET a = list_append(:v, a)", item("a", l(n(1))), ":v", l(n(2))))
                .isEqualTo(item("a", l(n(2), n(1))));
        assertThat(apply("SET a = list_append(if_not_exists(a, :empty), :v)", item(), ":empty", l(), ":v", l(n(2))))
                .isEqualTo(item("a", l(n(2))));
    }

    @Test
    void setOnAListIndexReplacesOrAppends() {
        assertThat(apply("SET a[0] = :v", item("a", l(n(0), n(5))), ":v", n(1))).isEqualTo(item("a", l(n(1), n(5))));
        assertThat(apply("SET a[5] = :v", item("a", l(n(0))), ":v", n(1))).isEqualTo(item("a", l(n(0), n(1))));
    }

    @Test
    void appendsPastTheEndLandInIndexOrder() {
        assertThat(apply("SET a[7] = :v, a[5] = :w", item("a", l(n(0))), ":v", n(1), ":w", n(2)))
                .isEqualTo(item("a", l(n(0), n(2), n(1))));
    }

    @Test
    void removeDeletesAttributesAndMapKeys() {
        assertThat(apply("REMOVE a, b, absent", item("a", n(1), "b", n(2), "c", n(3)))).isEqualTo(item("c", n(3)));
        assertThat(apply("REMOVE a.x", item("a", m("x", n(1), "y", n(2))))).isEqualTo(item("a", m("y", n(2))));
    }

    @Test
    void removeOfListElementsShiftsTheRest() {
        assertThat(apply("REMOVE a[1], a[3]", item("a", l(n(0), n(1), n(2), n(3), n(4)))))
                .isEqualTo(item("a", l(n(0), n(2), n(4))));
        assertThat(apply("REMOVE a[0], a[1], a[2]", item("a", l(n(0), n(1), n(2))))).isEqualTo(item("a", l()));
        assertThat(apply("REMOVE a[9]", item("a", l(n(0))))).isEqualTo(item("a", l(n(0))));
    }

    @Test
    void listIndexesOfAllActionsReferToTheListBeforeTheUpdate() {
        assertThat(apply("SET a[1] = :v REMOVE a[0]", item("a", l(n(0), n(1), n(2))), ":v", s("v")))
                .isEqualTo(item("a", l(s("v"), n(2))));
        assertThat(apply("SET a[3] = :v REMOVE a[0]", item("a", l(n(0), n(1), n(2))), ":v", s("v")))
                .isEqualTo(item("a", l(n(1), n(2), s("v"))));
        assertThat(apply("SET a[5] = :v REMOVE a[1]", item("a", l(n(0))), ":v", s("v")))
                .isEqualTo(item("a", l(n(0), s("v"))));
        assertThat(apply("SET g[10] = :v, g[20] = :w, g[0] = :w REMOVE g[1]", item("g", l(n(0), n(1), n(2))),
                ":v", n(10), ":w", n(20))).isEqualTo(item("g", l(n(20), n(2), n(10), n(20))));
    }

    @Test
    void nestedListsAndMapsUpdateTogether() {
        Map<String, AttributeValue> doc = item("a", m("b", l(n(0), m("c", n(1), "d", l(n(5), n(6), n(7))))));
        assertThat(apply("SET a.b[1].c = :v, a.b[1].d[5] = :v, a.z = :v REMOVE a.b[1].d[0]", doc, ":v", n(9)))
                .isEqualTo(item("a", m("b", l(n(0), m("c", n(9), "d", l(n(6), n(7), n(9)))), "z", n(9))));
    }

    @Test
    void addToNumbers() {
        assertThat(apply("ADD a :v", item("a", n(5)), ":v", n(1))).isEqualTo(item("a", n(6)));
        assertThat(apply("ADD a :v", item(), ":v", n(-1))).isEqualTo(item("a", n(-1)));
        assertThat(apply("ADD a.b :v", item("a", m()), ":v", n(1))).isEqualTo(item("a", m("b", n(1))));
        assertThat(apply("ADD a[0] :v", item("a", l(n(4))), ":v", n(1))).isEqualTo(item("a", l(n(5))));
        assertThat(apply("ADD a[3] :v", item("a", l(n(4))), ":v", n(1))).isEqualTo(item("a", l(n(4), n(1))));
    }

    @Test
    void addToSetsIsAUnion() {
        assertThat(apply("ADD a :v", item("a", ss("x")), ":v", ss("y", "x"))).isEqualTo(item("a", ss("x", "y")));
        assertThat(apply("ADD a :v", item(), ":v", ss("y"))).isEqualTo(item("a", ss("y")));
        assertThat(apply("ADD a :v", item("a", ns("1")), ":v", ns("1.0", "2"))).isEqualTo(item("a", ns("1", "2")));
        assertThat(apply("ADD a :v", item("a", bs(bytes(0))), ":v", bs(bytes(1))))
                .isEqualTo(item("a", bs(bytes(0), bytes(1))));
    }

    @Test
    void deleteFromSetsRemovesTheAttributeWhenEmpty() {
        assertThat(apply("DELETE a :v", item("a", ss("x", "y")), ":v", ss("y", "z"))).isEqualTo(item("a", ss("x")));
        assertThat(apply("DELETE a :v", item("a", ss("x", "y")), ":v", ss("y", "x"))).isEqualTo(item());
        assertThat(apply("DELETE a :v", item(), ":v", ss("y"))).isEqualTo(item());
        assertThat(apply("DELETE a :v", item("a", ns("1", "2")), ":v", ns("1.0"))).isEqualTo(item("a", ns("2")));
        assertThat(apply("DELETE a.s :v", item("a", m("s", ss("x"))), ":v", ss("x"))).isEqualTo(item("a", m()));
        assertThat(apply("DELETE a[0] :v", item("a", l(ss("x"))), ":v", ss("x"))).isEqualTo(item("a", l()));
    }

    @Test
    void allClausesTogetherInAnyOrder() {
        Map<String, AttributeValue> before = item("b", n(1), "d", ss("x", "y"));
        assertThat(apply("DELETE d :s ADD c :v REMOVE b SET a = :v", before, ":v", n(1), ":s", ss("x")))
                .isEqualTo(item("a", n(1), "c", n(1), "d", ss("y")));
    }

    @Test
    void clauseKeywordsAreCaseInsensitiveAndNamesMayBePlaceholders() {
        ExpressionAttributes attributes = new ExpressionAttributes(names("#a", "name", "#b", "year"),
                Fixtures.item(":v", n(1)));
        assertThat(UpdateExpression.parse("set #a = :v remove #b", attributes).apply(item("year", n(2020))))
                .isEqualTo(item("name", n(1)));
    }

    @Test
    void targetsForKeyChecksAndReturnValues() {
        UpdateExpression update = UpdateExpression.parse("SET a.b = :v, c[1] = :v REMOVE a.d ADD e :v DELETE f :s",
                Fixtures.values(":v", n(1), ":s", ss("x")));
        assertThat(update.targetAttributeNames()).containsExactly("a", "c", "e", "f");
        assertThat(update.targetsAsProjection().paths()).extracting(DocumentPath::toString)
                .containsExactly("[a, b]", "[c, [1]]", "[a, d]", "[e]", "[f]");
        assertThat(update.targetsAsProjection().apply(item("a", m("b", n(1), "d", n(2), "z", n(3)), "c", l(n(0), n(1)), "q", n(1))))
                .isEqualTo(item("a", m("b", n(1), "d", n(2)), "c", l(n(1))));
        assertThat(update.actions()).hasSize(5);
    }

    @Test
    void aParsedUpdateIsReusable() {
        UpdateExpression increment = UpdateExpression.parse("ADD hits :one", Fixtures.values(":one", n(1)));
        Map<String, AttributeValue> once = increment.apply(item());
        assertThat(increment.apply(once)).isEqualTo(item("hits", n(2)));
        assertThat(List.of(once)).containsExactly(item("hits", n(1)));
    }
}
