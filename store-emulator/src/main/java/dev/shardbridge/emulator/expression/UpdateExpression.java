package dev.shardbridge.emulator.expression;

import dev.shardbridge.emulator.expression.ast.UpdateAction;
import dev.shardbridge.emulator.expression.parse.UpdateParser;
import dev.shardbridge.emulator.expression.path.DocumentPath;
import dev.shardbridge.emulator.expression.update.ItemUpdate;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed UpdateExpression (SET, REMOVE, ADD, DELETE clauses). */
public final class UpdateExpression {
    private final List<UpdateAction> actions;
    private final ItemUpdate update;

    private UpdateExpression(List<UpdateAction> actions) {
        this.actions = List.copyOf(actions);
        this.update = new ItemUpdate(this.actions);
    }

    public static UpdateExpression parse(String text, ExpressionAttributes attributes) {
        return new UpdateExpression(UpdateParser.parse(text, attributes));
    }

    /** The actions in the order written. */
    public List<UpdateAction> actions() {
        return actions;
    }

    /** The top-level attribute names the expression writes or removes (to reject key updates). */
    public List<String> targetAttributeNames() {
        Set<String> names = new LinkedHashSet<>();
        for (UpdateAction action : actions) {
            names.add(action.path().attributeName());
        }
        return List.copyOf(names);
    }

    /** The document paths the expression changes, for ReturnValues UPDATED_OLD/UPDATED_NEW. */
    public ProjectionExpression targetsAsProjection() {
        List<DocumentPath> paths = new ArrayList<>(actions.size());
        for (UpdateAction action : actions) {
            paths.add(action.path());
        }
        return ProjectionExpression.of(paths);
    }

    /**
     * Applies the actions to a copy of {@code item} (the existing item, or only the key attributes when
     * the item does not exist yet) and returns the new item. Fails with AWS's ValidationException
     * messages for wrong operand types, invalid document paths and the like.
     */
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        return update.apply(item);
    }
}
