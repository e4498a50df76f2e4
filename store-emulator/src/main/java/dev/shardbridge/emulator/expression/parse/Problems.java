package dev.shardbridge.emulator.expression.parse;

import dev.shardbridge.emulator.expression.ExpressionErrors;
import dev.shardbridge.emulator.expression.ExpressionKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The semantic problems found while parsing one expression. AWS reports only one, chosen by a fixed
 * priority of checks and, within a check, by position; collecting them all and reporting the first in that
 * order reproduces its choice whatever order the parser meets them in.
 */
final class Problems {

    /** The checks in the order AWS applies them (observed with DynamoDB Local 2.6.1). */
    enum Stage {
        REDUNDANT_PARENTHESES,
        /** Reserved words, list index range, unknown and misplaced functions: in text order. */
        STRUCTURE,
        NESTING,
        /** Repeated SET/REMOVE/ADD/DELETE clauses. */
        SECTIONS,
        /** Update and projection paths: undefined names, overlapping or conflicting paths. */
        PATHS,
        /** Undefined values and names (in conditions), operand counts and types, BETWEEN bounds, IN size. */
        SEMANTICS,
        OPERATOR_COUNT
    }

    private record Problem(Stage stage, int order, int sequence, String detail) {
    }

    private static final Comparator<Problem> PRIORITY = Comparator.comparing(Problem::stage)
            .thenComparingInt(Problem::order)
            .thenComparingInt(Problem::sequence);

    private final List<Problem> problems = new ArrayList<>(0);

    /**
     * @param order where the problem is, for ordering within a stage: a text position, or for update
     *              clauses a negated action index, because AWS checks those from the last action backwards
     */
    void add(Stage stage, int order, String detail) {
        problems.add(new Problem(stage, order, problems.size(), detail));
    }

    void throwFirst(ExpressionKind kind) {
        if (!problems.isEmpty()) {
            throw ExpressionErrors.invalid(kind, problems.stream().min(PRIORITY).orElseThrow().detail());
        }
    }
}
