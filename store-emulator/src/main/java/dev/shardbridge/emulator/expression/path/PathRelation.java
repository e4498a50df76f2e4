package dev.shardbridge.emulator.expression.path;

/**
 * How two document paths of one expression relate. AWS rejects update and projection expressions whose
 * paths overlap (one is a prefix of the other) or conflict (one treats a step as a map key, the other as a
 * list index).
 */
public enum PathRelation {
    DISJOINT,
    OVERLAPPING,
    CONFLICTING
}
