package dev.shardbridge.emulator.expression;

import dev.shardbridge.emulator.expression.path.DocumentPath;
import dev.shardbridge.emulator.expression.path.PathElement;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The paths of a projection merged into a tree, so that one walk over an item copies exactly the projected
 * parts, keeping their nesting: {@code a.b[1]} yields {@code {a: {b: [element 1]}}}. Selected list elements
 * keep their list order; parts the item lacks, and containers left empty, are omitted.
 */
final class ProjectionTree {
    /** Whether the whole value at this node is projected. */
    private boolean whole;
    private Map<String, ProjectionTree> keys;
    private TreeMap<Integer, ProjectionTree> indexes;

    static ProjectionTree of(List<DocumentPath> paths) {
        ProjectionTree root = new ProjectionTree();
        for (DocumentPath path : paths) {
            ProjectionTree node = root;
            for (PathElement element : path.elements()) {
                node = node.child(element);
            }
            node.whole = true;
        }
        return root;
    }

    Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        if (keys != null) {
            copyKeys(item, projected);
        }
        return projected;
    }

    private ProjectionTree child(PathElement element) {
        if (element instanceof PathElement.Name name) {
            if (keys == null) {
                keys = new LinkedHashMap<>();
            }
            return keys.computeIfAbsent(name.name(), key -> new ProjectionTree());
        }
        if (indexes == null) {
            indexes = new TreeMap<>();
        }
        return indexes.computeIfAbsent(((PathElement.Index) element).index(), index -> new ProjectionTree());
    }

    /** The projected part of {@code value}, or null when nothing of it is projected. */
    private AttributeValue project(AttributeValue value) {
        if (whole) {
            return value;
        }
        if (keys != null && value instanceof AttributeValue.MapValue map) {
            Map<String, AttributeValue> projected = new LinkedHashMap<>();
            copyKeys(map.value(), projected);
            return projected.isEmpty() ? null : new AttributeValue.MapValue(projected);
        }
        if (indexes != null && value instanceof AttributeValue.ListValue list) {
            List<AttributeValue> projected = new ArrayList<>(indexes.size());
            for (Map.Entry<Integer, ProjectionTree> entry : indexes.entrySet()) {
                if (entry.getKey() >= list.value().size()) {
                    break;
                }
                AttributeValue element = entry.getValue().project(list.value().get(entry.getKey()));
                if (element != null) {
                    projected.add(element);
                }
            }
            return projected.isEmpty() ? null : new AttributeValue.ListValue(projected);
        }
        return null;
    }

    private void copyKeys(Map<String, AttributeValue> source, Map<String, AttributeValue> target) {
        for (Map.Entry<String, ProjectionTree> entry : keys.entrySet()) {
            AttributeValue value = source.get(entry.getKey());
            AttributeValue projected = value == null ? null : entry.getValue().project(value);
            if (projected != null) {
                target.put(entry.getKey(), projected);
            }
        }
    }
}
