package dev.shardbridge.emulator.table;

/** Provisioned capacity as declared; stored and reported (zero for on-demand tables). */
public record ProvisionedThroughput(long readCapacityUnits, long writeCapacityUnits) {
    public static final ProvisionedThroughput ON_DEMAND = new ProvisionedThroughput(0, 0);
}
