package dev.shardbridge.emulator.expression.path;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * Looks up the value a document path names. A step into the wrong kind of container (a key on a list, an
 * index on a map or scalar) or past the end of a list simply finds nothing, as DynamoDB treats it.
 */
public final class DocumentReader {

    private DocumentReader() {
    }

    /** The value at {@code path}, or null when the item does not have it. */
    public static AttributeValue read(Map<String, AttributeValue> item, DocumentPath path) {
        List<PathElement> elements = path.elements();
        AttributeValue current = item.get(path.attributeName());
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = step(current, elements.get(i));
        }
        return current;
    }

    /** The child of {@code container} that one path element names, or null. */
    public static AttributeValue step(AttributeValue container, PathElement element) {
        if (element instanceof PathElement.Name name) {
            return container instanceof AttributeValue.MapValue map ? map.value().get(name.name()) : null;
        }
        int index = ((PathElement.Index) element).index();
        if (container instanceof AttributeValue.ListValue list && index < list.value().size()) {
            return list.value().get(index);
        }
        return null;
    }
}
