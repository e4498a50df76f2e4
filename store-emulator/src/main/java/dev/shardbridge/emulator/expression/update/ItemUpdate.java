package dev.shardbridge.emulator.expression.update;

import dev.shardbridge.emulator.expression.ExpressionErrors;
import dev.shardbridge.emulator.expression.ast.UpdateAction;
import dev.shardbridge.emulator.expression.path.DocumentPath;
import dev.shardbridge.emulator.expression.path.DocumentReader;
import dev.shardbridge.emulator.expression.path.DocumentWriter;
import dev.shardbridge.emulator.expression.path.PathElement;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies an update expression's actions to an item the way DynamoDB does:
 * <ul>
 *   <li>every SET operand is evaluated against the item as it was before the update, so
 *       {@code SET a = b, b = a} swaps;</li>
 *   <li>list indexes in all actions refer to the list as it was: SET, ADD and DELETE go first, in path
 *       order (so {@code SET l[7] = :x, l[5] = :y} past the end appends y, then x), and REMOVE goes last,
 *       highest index first, skipping indexes the list did not have.</li>
 * </ul>
 * The actions never overlap (the parser rejects that), so their order cannot change what they see.
 */
public final class ItemUpdate {
    private final List<UpdateAction> writes;
    private final List<UpdateAction.Remove> removals;

    public ItemUpdate(List<UpdateAction> actions) {
        List<UpdateAction> sortedWrites = new ArrayList<>();
        List<UpdateAction.Remove> sortedRemovals = new ArrayList<>();
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Remove remove) {
                sortedRemovals.add(remove);
            } else {
                sortedWrites.add(action);
            }
        }
        sortedWrites.sort(Comparator.comparing(UpdateAction::path));
        sortedRemovals.sort(Comparator.comparing(UpdateAction.Remove::path).reversed());
        this.writes = List.copyOf(sortedWrites);
        this.removals = List.copyOf(sortedRemovals);
    }

    /** The updated copy of {@code item}; the argument is not changed. */
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        AttributeValue[] setValues = evaluateSetOperands(item);
        Map<String, AttributeValue> result = new LinkedHashMap<>(item);
        for (int i = 0; i < writes.size(); i++) {
            UpdateAction action = writes.get(i);
            AttributeValue setValue = setValues[i];
            DocumentWriter.Change change;
            if (action instanceof UpdateAction.Set) {
                change = current -> setValue;
            } else if (action instanceof UpdateAction.Add add) {
                change = current -> AddAndDeleteActions.add(current, add.value());
            } else {
                AttributeValue removed = ((UpdateAction.Delete) action).value();
                change = current -> AddAndDeleteActions.delete(current, removed);
            }
            DocumentWriter.apply(result, action.path(), change);
        }
        for (UpdateAction.Remove removal : removals) {
            if (!beyondOriginalList(item, removal.path())) {
                DocumentWriter.apply(result, removal.path(), current -> null);
            }
        }
        return result;
    }

    private AttributeValue[] evaluateSetOperands(Map<String, AttributeValue> item) {
        AttributeValue[] values = new AttributeValue[writes.size()];
        for (int i = 0; i < values.length; i++) {
            if (writes.get(i) instanceof UpdateAction.Set set) {
                values[i] = set.value().evaluate(item);
                if (values[i] == null) {
                    throw ExpressionErrors.missingAttribute();
                }
            }
        }
        return values;
    }

    /** Whether a REMOVE names an index the list did not have before the update (a no-op for DynamoDB). */
    private static boolean beyondOriginalList(Map<String, AttributeValue> original, DocumentPath path) {
        if (!(path.last() instanceof PathElement.Index index)) {
            return false;
        }
        AttributeValue list = DocumentReader.read(original, path.parent());
        return list instanceof AttributeValue.ListValue existing && index.index() >= existing.value().size();
    }
}
