package dev.shardbridge.emulator.stream;

/** What happened to the item. */
public enum EventName { INSERT, MODIFY, REMOVE }
