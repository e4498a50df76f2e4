package dev.shardbridge.emulator.expression;

import dev.shardbridge.emulator.expression.ast.BeginsWith;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.ScalarOrder;

/**
 * A condition on the sort key: {@code =, <, <=, >, >=, BETWEEN, begins_with}.
 *
 * <p>For range scans over sort-key-ordered items: every match lies between {@link #lowerBound()} and
 * {@link #upperBound()} (null meaning unbounded), so a scan can seek to the lower bound and, going up,
 * stop at the first key for which {@link #isPastRange} holds; for {@code begins_with} the matches are the
 * contiguous run of keys from the prefix on.
 *
 * @param operator the comparison
 * @param first    the operand, or the lower bound of BETWEEN
 * @param second   the upper bound of BETWEEN, otherwise null
 */
public record SortKeyCondition(Operator operator, AttributeValue first, AttributeValue second) {

    public enum Operator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** One end of the sort key range the condition selects. */
    public record Bound(AttributeValue value, boolean inclusive) {
    }

    /** Whether a sort key value satisfies the condition (values of another type never do). */
    public boolean matches(AttributeValue sortKeyValue) {
        if (sortKeyValue == null || !ScalarOrder.comparable(sortKeyValue, first)) {
            return false;
        }
        return switch (operator) {
            case EQ -> ScalarOrder.compare(sortKeyValue, first) == 0;
            case LT -> ScalarOrder.compare(sortKeyValue, first) < 0;
            case LE -> ScalarOrder.compare(sortKeyValue, first) <= 0;
            case GT -> ScalarOrder.compare(sortKeyValue, first) > 0;
            case GE -> ScalarOrder.compare(sortKeyValue, first) >= 0;
            case BETWEEN -> ScalarOrder.compare(sortKeyValue, first) >= 0
                    && ScalarOrder.compare(sortKeyValue, second) <= 0;
            case BEGINS_WITH -> BeginsWith.holds(sortKeyValue, first);
        };
    }

    /** The lowest sort key that can match, or null when the range is open below. */
    public Bound lowerBound() {
        return switch (operator) {
            case EQ, GE, BETWEEN, BEGINS_WITH -> new Bound(first, true);
            case GT -> new Bound(first, false);
            case LT, LE -> null;
        };
    }

    /** The highest sort key that can match, or null when the range is open above (also for begins_with). */
    public Bound upperBound() {
        return switch (operator) {
            case EQ, LE -> new Bound(first, true);
            case LT -> new Bound(first, false);
            case BETWEEN -> new Bound(second, true);
            case GT, GE, BEGINS_WITH -> null;
        };
    }

    /**
     * Whether, scanning upwards, neither this sort key nor any greater one can match, so the scan may stop.
     * Keys of another type are never past the range.
     */
    public boolean isPastRange(AttributeValue sortKeyValue) {
        if (!ScalarOrder.comparable(sortKeyValue, first)) {
            return false;
        }
        Bound upper = upperBound();
        if (upper != null) {
            int order = ScalarOrder.compare(sortKeyValue, upper.value());
            return order > 0 || (order == 0 && !upper.inclusive());
        }
        return operator == Operator.BEGINS_WITH && ScalarOrder.compare(sortKeyValue, first) > 0
                && !BeginsWith.holds(sortKeyValue, first);
    }
}
