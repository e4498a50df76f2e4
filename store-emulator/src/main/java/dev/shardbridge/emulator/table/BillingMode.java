package dev.shardbridge.emulator.table;

/** How a table is billed; the emulator stores it and reports it, capacity is not enforced. */
public enum BillingMode { PROVISIONED, PAY_PER_REQUEST }
