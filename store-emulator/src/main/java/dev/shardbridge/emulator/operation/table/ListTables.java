package dev.shardbridge.emulator.operation.table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.table.TableCatalog;
import java.util.List;

/** ListTables: names in ascending order, at most {@code Limit} (1..100) a page. */
public final class ListTables implements Operation {
    private static final int MAX_LIMIT = 100;

    private final TableCatalog catalog;

    public ListTables(TableCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "ListTables";
    }

    @Override
    public ObjectNode execute(Request request) {
        Integer limitParameter = request.integer("Limit");
        String start = request.string("ExclusiveStartTableName");
        ConstraintViolations violations = new ConstraintViolations().range(limitParameter, "limit", 1, MAX_LIMIT);
        if (start != null) {
            violations.tableName(start, "exclusiveStartTableName");
        }
        violations.throwIfAny();
        int limit = limitParameter == null ? MAX_LIMIT : limitParameter;

        List<String> names = catalog.names().stream().filter(n -> start == null || n.compareTo(start) > 0).toList();
        ObjectNode response = Json.object();
        ArrayNode page = response.putArray("TableNames");
        names.stream().limit(limit).forEach(page::add);
        if (names.size() > limit) {
            response.put("LastEvaluatedTableName", names.get(limit - 1));
        }
        return response;
    }
}
