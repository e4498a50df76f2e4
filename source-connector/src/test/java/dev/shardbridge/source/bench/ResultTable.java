package dev.shardbridge.source.bench;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's figures, collected as scenarios finish and printed as one Markdown table at the end. */
final class ResultTable {

    /** One figure; {@code goalMet} is null where the figure has no goal of its own. */
    record Row(String scenario, String setup, String figure, String goal, Boolean goalMet) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
        // Also printed at once, so an interrupted run still shows what it measured.
        System.out.println("RESULT " + format(row));
    }

    void print() {
        System.out.println();
        System.out.println("| scenario | setup | figure | goal | met |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(row -> System.out.println(format(row)));
    }

    private static String format(Row row) {
        String met = row.goalMet() == null ? "" : row.goalMet() ? "yes" : "NO";
        return "| " + row.scenario() + " | " + row.setup() + " | " + row.figure() + " | " + row.goal() + " | " + met
                + " |";
    }
}
