package dev.shardbridge.emulator.operation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Capacity accounting as DynamoDB reports it with {@code ReturnConsumedCapacity}: one write unit per
 * 1 KB written, one read unit per 4 KB read (half for eventually consistent reads), at least one unit.
 */
public final class ConsumedCapacity {
    private static final List<String> MODES = List.of("INDEXES", "TOTAL", "NONE");

    private ConsumedCapacity() {
    }

    public static double writeUnits(int itemBytes) {
        return Math.max(1, Math.ceil(itemBytes / 1024.0));
    }

    public static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    /** Whether the request asked for capacity; validates the parameter. */
    public static boolean requested(Request request) {
        String mode = request.string("ReturnConsumedCapacity");
        new ConstraintViolations().oneOf(mode, "returnConsumedCapacity", MODES).throwIfAny();
        return mode != null && !mode.equals("NONE");
    }

    /** Adds {@code ConsumedCapacity} for one table to a response when requested. */
    public static void addTo(ObjectNode response, Request request, String table, double units) {
        if (requested(request)) {
            response.set("ConsumedCapacity", entry(table, units, request));
        }
    }

    /** Adds the per-table list that batch operations answer when requested. */
    public static void addAll(ObjectNode response, Request request, Map<String, Double> unitsByTable) {
        if (requested(request)) {
            ArrayNode list = response.putArray("ConsumedCapacity");
            unitsByTable.forEach((table, units) -> list.add(entry(table, units, request)));
        }
    }

    private static ObjectNode entry(String table, double units, Request request) {
        ObjectNode node = Json.object().put("TableName", table).put("CapacityUnits", units);
        if ("INDEXES".equals(request.string("ReturnConsumedCapacity"))) {
            node.putObject("Table").put("CapacityUnits", units);
        }
        return node;
    }
}
