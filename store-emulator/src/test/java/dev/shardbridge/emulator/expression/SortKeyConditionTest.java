package dev.shardbridge.emulator.expression;

import static dev.shardbridge.emulator.expression.Fixtures.b;
import static dev.shardbridge.emulator.expression.Fixtures.n;
import static dev.shardbridge.emulator.expression.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.expression.SortKeyCondition.Bound;
import dev.shardbridge.emulator.expression.SortKeyCondition.Operator;
import dev.shardbridge.emulator.model.AttributeValue;
import org.junit.jupiter.api.Test;

class SortKeyConditionTest {

    private static SortKeyCondition condition(Operator operator, AttributeValue first, AttributeValue second) {
        return new SortKeyCondition(operator, first, second);
    }

    @Test
    void comparisons() {
        assertThat(condition(Operator.EQ, n(2), null).matches(n("2.0"))).isTrue();
        assertThat(condition(Operator.LT, n(2), null).matches(n(2))).isFalse();
        assertThat(condition(Operator.LE, n(2), null).matches(n(2))).isTrue();
        assertThat(condition(Operator.GT, n(2), null).matches(n(3))).isTrue();
        assertThat(condition(Operator.GE, n(2), null).matches(n(1))).isFalse();
        assertThat(condition(Operator.BETWEEN, n(2), n(4)).matches(n(4))).isTrue();
        assertThat(condition(Operator.BETWEEN, n(2), n(4)).matches(n("4.5"))).isFalse();
        assertThat(condition(Operator.GT, s("b"), null).matches(s("ba"))).isTrue();
        assertThat(condition(Operator.LT, b(2), null).matches(b(1, 9))).isTrue();
    }

    @Test
    void beginsWithForStringsAndBinaries() {
        assertThat(condition(Operator.BEGINS_WITH, s("ab"), null).matches(s("abc"))).isTrue();
        assertThat(condition(Operator.BEGINS_WITH, s("ab"), null).matches(s("b"))).isFalse();
        assertThat(condition(Operator.BEGINS_WITH, b(1), null).matches(b(1, 2))).isTrue();
    }

    @Test
    void valuesOfAnotherTypeNeverMatch() {
        assertThat(condition(Operator.GT, n(2), null).matches(s("3"))).isFalse();
        assertThat(condition(Operator.EQ, n(2), null).matches(null)).isFalse();
    }

    @Test
    void boundsForRangeScans() {
        assertThat(condition(Operator.EQ, n(2), null).lowerBound()).isEqualTo(new Bound(n(2), true));
        assertThat(condition(Operator.EQ, n(2), null).upperBound()).isEqualTo(new Bound(n(2), true));
        assertThat(condition(Operator.GT, n(2), null).lowerBound()).isEqualTo(new Bound(n(2), false));
        assertThat(condition(Operator.GT, n(2), null).upperBound()).isNull();
        assertThat(condition(Operator.LT, n(2), null).lowerBound()).isNull();
        assertThat(condition(Operator.LT, n(2), null).upperBound()).isEqualTo(new Bound(n(2), false));
        assertThat(condition(Operator.BETWEEN, n(2), n(4)).lowerBound()).isEqualTo(new Bound(n(2), true));
        assertThat(condition(Operator.BETWEEN, n(2), n(4)).upperBound()).isEqualTo(new Bound(n(4), true));
        assertThat(condition(Operator.BEGINS_WITH, s("ab"), null).lowerBound()).isEqualTo(new Bound(s("ab"), true));
        assertThat(condition(Operator.BEGINS_WITH, s("ab"), null).upperBound()).isNull();
    }

    @Test
    void pastRangeLetsAnAscendingScanStop() {
        assertThat(condition(Operator.LE, n(2), null).isPastRange(n(2))).isFalse();
        assertThat(condition(Operator.LT, n(2), null).isPastRange(n(2))).isTrue();
        assertThat(condition(Operator.BETWEEN, n(2), n(4)).isPastRange(n(5))).isTrue();
        assertThat(condition(Operator.GE, n(2), null).isPastRange(n(100))).isFalse();
        assertThat(condition(Operator.BEGINS_WITH, s("ab"), null).isPastRange(s("aa"))).isFalse();
        assertThat(condition(Operator.BEGINS_WITH, s("ab"), null).isPastRange(s("abzz"))).isFalse();
        assertThat(condition(Operator.BEGINS_WITH, s("ab"), null).isPastRange(s("ac"))).isTrue();
    }
}
