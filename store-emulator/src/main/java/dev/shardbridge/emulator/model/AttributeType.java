package dev.shardbridge.emulator.model;

/** The ten DynamoDB attribute types, named by their wire descriptor. */
public enum AttributeType {
    S, N, B, BOOL, NULL, M, L, SS, NS, BS;

    /** Whether this type may be declared for a key attribute. */
    public boolean isScalarKeyType() {
        return this == S || this == N || this == B;
    }

    /** Looks up a wire descriptor, or null if it names no type. */
    public static AttributeType fromDescriptor(String descriptor) {
        return switch (descriptor) {
            case "S" -> S;
            case "N" -> N;
            case "B" -> B;
            case "BOOL" -> BOOL;
            case "NULL" -> NULL;
            case "M" -> M;
            case "L" -> L;
            case "SS" -> SS;
            case "NS" -> NS;
            case "BS" -> BS;
            default -> null;
        };
    }
}
