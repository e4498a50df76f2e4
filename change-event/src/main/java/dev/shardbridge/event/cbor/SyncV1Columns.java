package dev.shardbridge.event.cbor;

import dev.shardbridge.event.ChangeEvent;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which attribute columns a Tablestore Sync-v1 record lists for a change, as Tablestore itself
 * would: a PutRow lists every attribute; an UpdateRow lists only what changed, with attributes
 * that were removed as DeleteAllVersions; a DeleteRow lists none. Key attributes are never
 * columns (they are the PrimaryKey).
 */
final class SyncV1Columns {

    enum Type {
        PUT("Put"),
        DELETE_ALL_VERSIONS("DeleteAllVersions");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        String wireName() {
            return wireName;
        }
    }

    /**
     * @param value the new value for {@link Type#PUT}; null for {@link Type#DELETE_ALL_VERSIONS}
     */
    record Column(Type type, String name, AttributeValue value) {
    }

    private SyncV1Columns() {
    }

    static List<Column> of(ChangeEvent event) {
        return switch (event.op()) {
            case CREATE, READ -> puts(event.key(), event.after(), null);
            // Without an old image (NEW_IMAGE view) every attribute counts as changed, which
            // replays to the same row; without a new image nothing is known about the columns.
            case UPDATE -> event.after() == null ? List.of() : update(event);
            case DELETE -> List.of();
        };
    }

    private static List<Column> update(ChangeEvent event) {
        List<Column> columns = puts(event.key(), event.after(), event.before());
        if (event.before() != null) {
            for (String name : event.before().keySet()) {
                if (!event.key().containsKey(name) && !event.after().containsKey(name)) {
                    columns.add(new Column(Type.DELETE_ALL_VERSIONS, name, null));
                }
            }
        }
        return columns;
    }

    private static List<Column> puts(Map<String, AttributeValue> key, Map<String, AttributeValue> after,
                                     Map<String, AttributeValue> before) {
        List<Column> columns = new ArrayList<>();
        if (after == null) {
            return columns;
        }
        after.forEach((name, value) -> {
            if (!key.containsKey(name) && (before == null || !value.equals(before.get(name)))) {
                columns.add(new Column(Type.PUT, name, value));
            }
        });
        return columns;
    }
}
