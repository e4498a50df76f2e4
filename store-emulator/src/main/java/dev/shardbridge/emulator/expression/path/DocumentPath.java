package dev.shardbridge.emulator.expression.path;

import java.util.List;
import java.util.StringJoiner;

/**
 * A resolved document path such as {@code a.b[2].c}: a top-level attribute name followed by map keys
 * and list indexes. Paths order element by element (names alphabetically, indexes numerically), which
 * is the order an update applies its writes in so that several appends to one list land in index order.
 */
public record DocumentPath(List<PathElement> elements) implements Comparable<DocumentPath> {

    public DocumentPath {
        elements = List.copyOf(elements);
        if (elements.isEmpty() || !(elements.get(0) instanceof PathElement.Name)) {
            throw new IllegalArgumentException("a document path starts with an attribute name: " + elements);
        }
    }

    public static DocumentPath attribute(String name) {
        return new DocumentPath(List.of(new PathElement.Name(name)));
    }

    /** The top-level attribute the path starts at. */
    public String attributeName() {
        return ((PathElement.Name) elements.get(0)).name();
    }

    public int depth() {
        return elements.size();
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    public PathElement last() {
        return elements.get(elements.size() - 1);
    }

    /** The path of the containing document; only for nested paths. */
    public DocumentPath parent() {
        if (isTopLevel()) {
            throw new IllegalStateException("a top-level attribute has no parent path");
        }
        return new DocumentPath(elements.subList(0, elements.size() - 1));
    }

    public PathRelation relationTo(DocumentPath other) {
        int shared = Math.min(depth(), other.depth());
        for (int i = 0; i < shared; i++) {
            PathElement mine = elements.get(i);
            PathElement theirs = other.elements.get(i);
            if (mine.getClass() != theirs.getClass()) {
                return PathRelation.CONFLICTING;
            }
            if (!mine.equals(theirs)) {
                return PathRelation.DISJOINT;
            }
        }
        return PathRelation.OVERLAPPING;
    }

    @Override
    public int compareTo(DocumentPath other) {
        int shared = Math.min(depth(), other.depth());
        for (int i = 0; i < shared; i++) {
            int order = compare(elements.get(i), other.elements.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(depth(), other.depth());
    }

    private static int compare(PathElement a, PathElement b) {
        if (a instanceof PathElement.Name x && b instanceof PathElement.Name y) {
            return x.name().compareTo(y.name());
        }
        if (a instanceof PathElement.Index x && b instanceof PathElement.Index y) {
            return Integer.compare(x.index(), y.index());
        }
        return a instanceof PathElement.Name ? -1 : 1;
    }

    /** AWS's rendering in error messages: {@code [a, b, [1]]}. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        for (PathElement element : elements) {
            joiner.add(element.toString());
        }
        return joiner.toString();
    }
}
