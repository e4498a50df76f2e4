package dev.shardbridge.emulator.stream;

/** A stream's lifecycle; a disabled stream stays readable until its records are trimmed. */
public enum StreamStatus { ENABLED, DISABLED }
