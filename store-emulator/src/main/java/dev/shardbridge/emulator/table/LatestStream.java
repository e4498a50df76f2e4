package dev.shardbridge.emulator.table;

/** The newest stream a table has had, as DescribeTable reports it ({@code LatestStreamArn/Label}). */
public record LatestStream(String arn, String label) {
}
