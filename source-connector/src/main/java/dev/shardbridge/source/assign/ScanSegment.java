package dev.shardbridge.source.assign;

import java.util.Comparator;

/**
 * One segment of a table's parallel Scan, placed on a task of its own when the table is only scanned
 * ({@code snapshot.mode=initial_only}). Written {@code table:segment} in task configs: DynamoDB table names
 * cannot hold a colon.
 */
public record ScanSegment(String table, int segment) implements Comparable<ScanSegment> {

    private static final Comparator<ScanSegment> ORDER =
            Comparator.comparing(ScanSegment::table).thenComparingInt(ScanSegment::segment);

    @Override
    public int compareTo(ScanSegment other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return table + ":" + segment;
    }

    static ScanSegment parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Scan segment '" + text + "' is not table:segment");
        }
        return new ScanSegment(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }
}
