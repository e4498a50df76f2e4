package dev.shardbridge.emulator.expression.path;

import dev.shardbridge.emulator.expression.ExpressionErrors;
import dev.shardbridge.emulator.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes the value at a document path. The top-level map is changed in place (the caller owns a copy);
 * nested maps and lists are immutable values, so the containers along the path are rebuilt.
 *
 * <p>DynamoDB's rules: every container above the target must exist and be of the kind the path expects,
 * otherwise "The document path provided in the update expression is invalid for update"; a list index at
 * or past the end appends to the list.
 */
public final class DocumentWriter {

    /** What an action does to the value at its path. */
    @FunctionalInterface
    public interface Change {
        /**
         * @param current the value now at the path, or null when there is none
         * @return the new value, or null to remove the value (or to leave an absent one absent)
         */
        AttributeValue apply(AttributeValue current);
    }

    private DocumentWriter() {
    }

    public static void apply(Map<String, AttributeValue> item, DocumentPath path, Change change) {
        String name = path.attributeName();
        AttributeValue current = item.get(name);
        AttributeValue updated = path.isTopLevel()
                ? change.apply(current)
                : applyWithin(current, path.elements(), 1, change);
        if (updated == null) {
            item.remove(name);
        } else if (updated != current) {
            item.put(name, updated);
        }
    }

    /** Applies the change below {@code container}, the value at {@code elements[0..position)}. */
    private static AttributeValue applyWithin(AttributeValue container, List<PathElement> elements, int position,
                                              Change change) {
        if (container == null) {
            throw ExpressionErrors.invalidDocumentPathForUpdate();
        }
        boolean target = position == elements.size() - 1;
        PathElement element = elements.get(position);
        if (element instanceof PathElement.Name name) {
            if (!(container instanceof AttributeValue.MapValue map)) {
                throw ExpressionErrors.invalidDocumentPathForUpdate();
            }
            AttributeValue child = map.value().get(name.name());
            AttributeValue updated = target ? change.apply(child) : applyWithin(child, elements, position + 1, change);
            return updated == child ? container : withEntry(map, name.name(), updated);
        }
        if (!(container instanceof AttributeValue.ListValue list)) {
            throw ExpressionErrors.invalidDocumentPathForUpdate();
        }
        int index = ((PathElement.Index) element).index();
        AttributeValue child = index < list.value().size() ? list.value().get(index) : null;
        AttributeValue updated = target ? change.apply(child) : applyWithin(child, elements, position + 1, change);
        return updated == child ? container : withElement(list, index, child != null, updated);
    }

    private static AttributeValue withEntry(AttributeValue.MapValue map, String key, AttributeValue value) {
        Map<String, AttributeValue> copy = new LinkedHashMap<>(map.value());
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new AttributeValue.MapValue(copy);
    }

    private static AttributeValue withElement(AttributeValue.ListValue list, int index, boolean exists,
                                              AttributeValue value) {
        List<AttributeValue> copy = new ArrayList<>(list.value());
        if (!exists) {
            copy.add(value);
        } else if (value == null) {
            copy.remove(index);
        } else {
            copy.set(index, value);
        }
        return new AttributeValue.ListValue(copy);
    }
}
