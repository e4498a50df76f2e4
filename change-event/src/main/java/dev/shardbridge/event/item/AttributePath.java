package dev.shardbridge.event.item;

/**
 * Where an attribute value sits in an event, for error messages only: {@code after.tags[2].name}.
 * A linked node per level is cheaper than building strings on a path that never fails.
 */
public final class AttributePath {

    private final AttributePath parent;
    private final String name;
    private final int index;

    private AttributePath(AttributePath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** A top-level location, such as {@code after} or {@code key}. */
    public static AttributePath root(String name) {
        return new AttributePath(null, name, -1);
    }

    /** The member {@code name} of a map or item at this location. */
    public AttributePath member(String name) {
        return new AttributePath(this, name, -1);
    }

    /** The element at {@code index} of a list or set at this location. */
    public AttributePath element(int index) {
        return new AttributePath(this, null, index);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        append(out);
        return out.toString();
    }

    private void append(StringBuilder out) {
        if (parent != null) {
            parent.append(out);
        }
        if (name == null) {
            out.append('[').append(index).append(']');
        } else {
            if (parent != null) {
                out.append('.');
            }
            out.append(name);
        }
    }
}
