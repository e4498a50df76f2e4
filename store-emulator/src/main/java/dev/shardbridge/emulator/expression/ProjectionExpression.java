package dev.shardbridge.emulator.expression;

import dev.shardbridge.emulator.expression.parse.ProjectionParser;
import dev.shardbridge.emulator.expression.path.DocumentPath;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** A parsed ProjectionExpression: which attributes, or parts of nested documents, to return. */
public final class ProjectionExpression {
    private final List<DocumentPath> paths;
    private final ProjectionTree tree;

    private ProjectionExpression(List<DocumentPath> paths) {
        this.paths = List.copyOf(paths);
        this.tree = ProjectionTree.of(this.paths);
    }

    public static ProjectionExpression parse(String text, ExpressionAttributes attributes) {
        return new ProjectionExpression(ProjectionParser.parse(text, attributes));
    }

    /**
     * A projection of already resolved paths, e.g. the targets of an update or the attributes of
     * {@code AttributesToGet}. The paths must not overlap one another.
     */
    public static ProjectionExpression of(List<DocumentPath> paths) {
        return new ProjectionExpression(paths);
    }

    /** The projected paths, in the order given. */
    public List<DocumentPath> paths() {
        return paths;
    }

    /** The projected copy of an item; paths that do not exist are left out. */
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        return tree.apply(item);
    }
}
