package dev.shardbridge.emulator.table;

import dev.shardbridge.emulator.model.AttributeValue;
import java.util.Map;

/**
 * One atomic change to one item: given the current item (null when absent) it returns the new
 * attributes, or null to delete. It may throw (a failed condition) to leave the item unchanged.
 */
@FunctionalInterface
public interface ItemWrite {
    Map<String, AttributeValue> apply(StoredItem current);
}
