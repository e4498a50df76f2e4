package dev.shardbridge.emulator.expression;

import static dev.shardbridge.emulator.expression.Fixtures.b;
import static dev.shardbridge.emulator.expression.Fixtures.bool;
import static dev.shardbridge.emulator.expression.Fixtures.bs;
import static dev.shardbridge.emulator.expression.Fixtures.bytes;
import static dev.shardbridge.emulator.expression.Fixtures.item;
import static dev.shardbridge.emulator.expression.Fixtures.l;
import static dev.shardbridge.emulator.expression.Fixtures.m;
import static dev.shardbridge.emulator.expression.Fixtures.n;
import static dev.shardbridge.emulator.expression.Fixtures.names;
import static dev.shardbridge.emulator.expression.Fixtures.ns;
import static dev.shardbridge.emulator.expression.Fixtures.nul;
import static dev.shardbridge.emulator.expression.Fixtures.s;
import static dev.shardbridge.emulator.expression.Fixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evaluation of condition and filter expressions; outcomes checked against DynamoDB Local 2.6.1. */
class ConditionExpressionTest {
    private static final Map<String, AttributeValue> DOC = item(
            "a", m("b", l(n(0), m("c", n(1), "d", l(n(5), n(6), n(7))), n(2)), "e", s("x"), "s", ss("p", "q")),
            "f", n(5),
            "g", l(n(0), n(1), n(2), n(3)),
            "h", ns("1", "2"),
            "greeting", s("hello"),
            "bin", b(1, 2, 3),
            "flag", bool(true),
            "nothing", nul());

    private static boolean eval(String expression, Map<String, AttributeValue> item, Object... values) {
        return ConditionExpression.parse(expression, ExpressionKind.CONDITION, Fixtures.values(values)).matches(item);
    }

    @Test
    void equalityComparesValuesByContentAndType() {
        assertThat(eval("f = :v", DOC, ":v", n("5.0"))).isTrue();
        assertThat(eval("f = :v", DOC, ":v", s("5"))).isFalse();
        assertThat(eval("a.s = :v", DOC, ":v", ss("q", "p"))).isTrue();
        assertThat(eval("g = :v", DOC, ":v", l(n(0), n(1), n(2), n(3)))).isTrue();
        assertThat(eval("g = :v", DOC, ":v", l(n(1), n(0), n(2), n(3)))).isFalse();
        assertThat(eval("a.b[1] = :v", DOC, ":v", m("d", l(n(5), n(6), n(7)), "c", n(1)))).isTrue();
        assertThat(eval("nothing = :v", DOC, ":v", nul())).isTrue();
        assertThat(eval("flag = :v", DOC, ":v", bool(true))).isTrue();
    }

    @Test
    void notEqualHoldsForMissingAttributesAndOtherTypes() {
        assertThat(eval("absent <> :v", DOC, ":v", n(1))).isTrue();
        assertThat(eval("f <> :v", DOC, ":v", s("5"))).isTrue();
        assertThat(eval("f <> :v", DOC, ":v", n(5))).isFalse();
        assertThat(eval("absent = :v", DOC, ":v", n(1))).isFalse();
    }

    @Test
    void orderingComparesNumbersStringsAndBinariesOnly() {
        assertThat(eval("f < :v", DOC, ":v", n(6))).isTrue();
        assertThat(eval("f <= :v", DOC, ":v", n(5))).isTrue();
        assertThat(eval("f > :v", DOC, ":v", n("4.99"))).isTrue();
        assertThat(eval("f >= :v", DOC, ":v", n(6))).isFalse();
        assertThat(eval("greeting < :v", DOC, ":v", s("help"))).isTrue();
        assertThat(eval("bin > :v", DOC, ":v", b(1, 2))).isTrue();
        assertThat(eval("bin < :v", DOC, ":v", b(0xff))).isTrue();
        assertThat(eval("f < :v", DOC, ":v", s("9"))).isFalse();
        assertThat(eval("absent < :v", DOC, ":v", n(9))).isFalse();
    }

    @Test
    void stringsOrderByUtf8BytesNotUtf16Units() {
        Map<String, AttributeValue> item = item("a", s("\uffff"));
        assertThat(eval("a < :v", item, ":v", s("\uD83D\uDE00"))).isTrue();
    }

    @Test
    void betweenIsInclusiveAndNeedsOneType() {
        assertThat(eval("f BETWEEN :a AND :b", DOC, ":a", n(5), ":b", n(5))).isTrue();
        assertThat(eval("f BETWEEN :a AND :b", DOC, ":a", n(1), ":b", n(4))).isFalse();
        assertThat(eval("a.e BETWEEN :a AND :b", DOC, ":a", s("w"), ":b", s("y"))).isTrue();
        assertThat(eval("greeting BETWEEN :a AND :b", DOC, ":a", n(1), ":b", n(9))).isFalse();
    }

    @Test
    void betweenWithPathBoundsInTheWrongOrderIsFalse() {
        assertThat(eval("a BETWEEN b AND c", item("a", n(2), "b", n(5), "c", n(1)))).isFalse();
    }

    @Test
    void inMatchesAnyCandidateOfAnyType() {
        assertThat(eval("f IN (:a, :b)", DOC, ":a", s("x"), ":b", n(5))).isTrue();
        assertThat(eval("f IN (:a)", DOC, ":a", n(6))).isFalse();
        assertThat(eval("g IN (:a)", DOC, ":a", l(n(0), n(1), n(2), n(3)))).isTrue();
        assertThat(eval("absent IN (:a)", DOC, ":a", n(1))).isFalse();
    }

    @Test
    void andBindsTighterThanOr() {
        Map<String, AttributeValue> item = item("a", n(1));
        assertThat(eval("a = :one OR a = :two AND b = :two", item, ":one", n(1), ":two", n(2))).isTrue();
        assertThat(eval("(a = :one OR a = :two) AND b = :two", item, ":one", n(1), ":two", n(2))).isFalse();
    }

    @Test
    void notBindsTighterThanAndButLooserThanComparisons() {
        Map<String, AttributeValue> item = item("a", n(1), "b", n(2));
        assertThat(eval("NOT a = :two AND b = :two", item, ":two", n(2))).isTrue();
        assertThat(eval("NOT (a = :one AND b = :two)", item, ":one", n(1), ":two", n(2))).isFalse();
        assertThat(eval("NOT NOT a = :one", item, ":one", n(1))).isTrue();
        assertThat(eval("NOT a = :one OR a = :one", item, ":one", n(1))).isTrue();
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(eval("f between :a and :b or not f in (:a)", DOC, ":a", n(1), ":b", n(9))).isTrue();
    }

    @Test
    void parenthesesMayWrapOperandsAndGroups() {
        assertThat(eval("(f) = :v", DOC, ":v", n(5))).isTrue();
        assertThat(eval("(f = :v) AND ((g[0] = :z) OR f = :z)", DOC, ":v", n(5), ":z", n(0))).isTrue();
        assertThat(eval("(attribute_exists(f))", DOC)).isTrue();
        assertThat(eval("(size(greeting)) = :v", DOC, ":v", n(5))).isTrue();
    }

    @Test
    void nestedPathsFollowMapsAndListIndexes() {
        assertThat(eval("a.b[1].d[2] = :v", DOC, ":v", n(7))).isTrue();
        assertThat(eval("a . b [ 1 ] . c = :v", DOC, ":v", n(1))).isTrue();
        assertThat(eval("a.b[9] = :v", DOC, ":v", n(7))).isFalse();
        assertThat(eval("a[0] = :v", DOC, ":v", n(7))).isFalse();
        assertThat(eval("g.x = :v", DOC, ":v", n(7))).isFalse();
    }

    @Test
    void namePlaceholdersStandForReservedAndOddNames() {
        Map<String, AttributeValue> item = item("name", s("x"), "a.b", n(1));
        ExpressionAttributes attributes = new ExpressionAttributes(names("#n", "name", "#d", "a.b"),
                Fixtures.item(":v", s("x"), ":w", n(1)));
        assertThat(ConditionExpression.parse("#n = :v AND #d = :w", ExpressionKind.FILTER, attributes).matches(item))
                .isTrue();
    }

    @Test
    void attributeExistsAndNotExists() {
        assertThat(eval("attribute_exists(a.b[1].c)", DOC)).isTrue();
        assertThat(eval("attribute_exists(a.b[9])", DOC)).isFalse();
        assertThat(eval("attribute_not_exists(a.b[9])", DOC)).isTrue();
        assertThat(eval("attribute_not_exists(f.x.y)", DOC)).isTrue();
        assertThat(eval("attribute_exists(nothing)", DOC)).isTrue();
        assertThat(eval("attribute_not_exists(pk)", Map.of())).isTrue();
    }

    @Test
    void attributeTypeChecksTheDescriptor() {
        assertThat(eval("attribute_type(a.s, :t)", DOC, ":t", s("SS"))).isTrue();
        assertThat(eval("attribute_type(h, :t)", DOC, ":t", s("SS"))).isFalse();
        assertThat(eval("attribute_type(nothing, :t)", DOC, ":t", s("NULL"))).isTrue();
        assertThat(eval("attribute_type(absent, :t)", DOC, ":t", s("S"))).isFalse();
    }

    @Test
    void beginsWithTakesStringsOrBinaries() {
        assertThat(eval("begins_with(greeting, :p)", DOC, ":p", s("he"))).isTrue();
        assertThat(eval("begins_with(greeting, :p)", DOC, ":p", s("hello!"))).isFalse();
        assertThat(eval("begins_with(bin, :p)", DOC, ":p", b(1, 2))).isTrue();
        assertThat(eval("begins_with(bin, :p)", DOC, ":p", s("a"))).isFalse();
        assertThat(eval("begins_with(:p, greeting)", DOC, ":p", s("hello world"))).isTrue();
    }

    @Test
    void containsLooksIntoStringsBinariesSetsAndLists() {
        assertThat(eval("contains(greeting, :v)", DOC, ":v", s("ell"))).isTrue();
        assertThat(eval("contains(greeting, :v)", DOC, ":v", n(1))).isFalse();
        assertThat(eval("contains(bin, :v)", DOC, ":v", b(2, 3))).isTrue();
        assertThat(eval("contains(a.s, :v)", DOC, ":v", s("q"))).isTrue();
        assertThat(eval("contains(a.s, :v)", item("a", m("s", ss("ab"))), ":v", s("a"))).isFalse();
        assertThat(eval("contains(h, :v)", DOC, ":v", n("2.0"))).isTrue();
        assertThat(eval("contains(x, :v)", item("x", bs(bytes(0), bytes(1))), ":v", b(1))).isTrue();
        assertThat(eval("contains(g, :v)", DOC, ":v", n(3))).isTrue();
        assertThat(eval("contains(a.b, :v)", DOC, ":v", m("c", n(1), "d", l(n(5), n(6), n(7))))).isTrue();
        assertThat(eval("contains(f, :v)", DOC, ":v", n(5))).isFalse();
        assertThat(eval("contains(greeting, a.e)", item("greeting", s("xyz"), "a", m("e", s("y"))))).isTrue();
    }

    @Test
    void sizeCountsCharactersBytesAndElements() {
        assertThat(eval("size(greeting) = :v", DOC, ":v", n(5))).isTrue();
        assertThat(eval("size(x) = :v", item("x", s("h\u00e9llo")), ":v", n(5))).isTrue();
        assertThat(eval("size(x) = :v", item("x", s("\uD83D\uDE00")), ":v", n(2))).isTrue();
        assertThat(eval("size(bin) = :v", DOC, ":v", n(3))).isTrue();
        assertThat(eval("size(a.s) = :v", DOC, ":v", n(2))).isTrue();
        assertThat(eval("size(h) = :v", DOC, ":v", n(2))).isTrue();
        assertThat(eval("size(g) = :v", DOC, ":v", n(4))).isTrue();
        assertThat(eval("size(a) = :v", DOC, ":v", n(3))).isTrue();
        assertThat(eval("size(x) = :v", item("x", s("y".repeat(300))), ":v", n(300))).isTrue();
    }

    @Test
    void sizeOfNumbersBooleansAndMissingAttributesMatchesNothing() {
        assertThat(eval("size(f) = :v", DOC, ":v", n(1))).isFalse();
        assertThat(eval("size(flag) = :v", DOC, ":v", n(1))).isFalse();
        assertThat(eval("size(absent) < :v", DOC, ":v", n(1))).isFalse();
        assertThat(eval("size(absent) <> :v", DOC, ":v", n(0))).isTrue();
    }

    @Test
    void sizeComparesWithSizeAndInBetween() {
        assertThat(eval("size(a.s) < size(g)", DOC)).isTrue();
        assertThat(eval("size(g) BETWEEN :a AND :b", DOC, ":a", n(3), ":b", n(5))).isTrue();
        assertThat(eval("size(g) IN (:a)", DOC, ":a", n(4))).isTrue();
    }

    @Test
    void valuesMayBeComparedWithValues() {
        assertThat(eval(":a = :b", Map.of(), ":a", n(1), ":b", n(1))).isTrue();
    }

    @Test
    void anAbsentItemIsTheEmptyMap() {
        assertThat(eval("attribute_not_exists(pk)", Map.of())).isTrue();
        assertThat(eval("attribute_exists(pk)", Map.of())).isFalse();
    }

    @Test
    void parsedExpressionsAreReusableAcrossItems() {
        ConditionExpression filter = ConditionExpression.parse("f > :v", ExpressionKind.FILTER, Fixtures.values(":v", n(3)));
        assertThat(filter.matches(item("f", n(4)))).isTrue();
        assertThat(filter.matches(item("f", n(2)))).isFalse();
        assertThat(filter.matches(item("f", s("9")))).isFalse();
    }
}
