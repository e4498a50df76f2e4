package dev.shardbridge.emulator.operation.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.expression.ExpressionAttributes;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.ExpressionParameters;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.table.ItemKey;
import dev.shardbridge.emulator.table.StoredItem;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableCatalog;
import java.math.BigInteger;
import java.util.NavigableMap;

/**
 * Scan: every item in token order. A parallel Scan's segment is a slice of the 64-bit token range, so
 * segments are disjoint, cover the table, and each is read in the same order as the whole.
 */
public final class Scan implements Operation {
    private static final BigInteger TOKEN_SPACE = BigInteger.ONE.shiftLeft(64);
    private static final int MAX_SEGMENTS = 1_000_000;

    private final TableCatalog catalog;

    public Scan(TableCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "Scan";
    }

    @Override
    public ObjectNode execute(Request request) {
        String tableName = request.string("TableName");
        Integer segment = request.integer("Segment");
        Integer totalSegments = request.integer("TotalSegments");
        new ConstraintViolations().tableName(tableName, "tableName")
                .range(segment, "segment", 0, MAX_SEGMENTS - 1)
                .range(totalSegments, "totalSegments", 1, MAX_SEGMENTS)
                .throwIfAny();
        if (segment != null && totalSegments == null) {
            throw DynamoDbException.validation(
                    "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (segment == null && totalSegments != null) {
            throw DynamoDbException.validation(
                    "The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        if (segment != null && segment >= totalSegments) {
            throw DynamoDbException.validation("The Segment parameter is zero-based and must be less than parameter "
                    + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + totalSegments);
        }
        ExpressionAttributes attributes = request.expressionAttributes(ExpressionParameters.SCAN);
        ReadOptions options = ReadOptions.parse(request, attributes, false);
        attributes.requireAllUsed();
        Table table = catalog.require(tableName);
        options.validateStartKey(table);

        NavigableMap<ItemKey, StoredItem> range = segment == null ? table.items()
                : segmentRange(table.items(), segment, totalSegments);
        if (options.exclusiveStartKey() != null) {
            ItemKey start = table.keyOf(options.exclusiveStartKey());
            if (segment != null && !inSegment(start, segment, totalSegments)) {
                throw DynamoDbException.validation("The provided Exclusive start key does not map to the provided "
                        + "segment and total segments values");
            }
            range = range.tailMap(start, false);
        }
        return PageReader.read(range.entrySet().iterator(), item -> true, options, table.keySchema(), tableName,
                request);
    }

    private static NavigableMap<ItemKey, StoredItem> segmentRange(NavigableMap<ItemKey, StoredItem> items,
                                                                 int segment, int totalSegments) {
        ItemKey from = ItemKey.firstOfToken(segmentStart(segment, totalSegments));
        if (segment == totalSegments - 1) {
            return items.tailMap(from, true);
        }
        return items.subMap(from, true, ItemKey.firstOfToken(segmentStart(segment + 1, totalSegments)), false);
    }

    private static boolean inSegment(ItemKey key, int segment, int totalSegments) {
        long start = segmentStart(segment, totalSegments);
        boolean afterStart = Long.compareUnsigned(key.token(), start) >= 0;
        return afterStart && (segment == totalSegments - 1
                || Long.compareUnsigned(key.token(), segmentStart(segment + 1, totalSegments)) < 0);
    }

    /** The first token of a segment: {@code floor(segment * 2^64 / totalSegments)}, as an unsigned long. */
    static long segmentStart(int segment, int totalSegments) {
        return TOKEN_SPACE.multiply(BigInteger.valueOf(segment)).divide(BigInteger.valueOf(totalSegments))
                .longValue();
    }
}
