package dev.shardbridge.emulator.operation.read;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.AttributeValueJson;
import dev.shardbridge.emulator.model.KeySchema;
import dev.shardbridge.emulator.operation.ConsumedCapacity;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.table.ItemKey;
import dev.shardbridge.emulator.table.StoredItem;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads one page of a Query or Scan the way DynamoDB does: items are read in order until {@code Limit}
 * items were read or the items read reach 1 MB (the item that crosses 1 MB is still part of the page, as
 * on AWS: the read stops once the total exceeds the limit); the filter runs after the read (it does not
 * raise the limit), and {@code LastEvaluatedKey} names the last item read whenever the page stopped at a
 * limit.
 */
final class PageReader {
    static final int MAX_PAGE_BYTES = 1024 * 1024;

    private PageReader() {
    }

    /**
     * @param items      the candidates in read order
     * @param keyFilter  a key condition items must meet (contiguous range: the first miss ends the read)
     */
    static ObjectNode read(Iterator<Map.Entry<ItemKey, StoredItem>> items, Predicate<StoredItem> keyFilter,
                           ReadOptions options, KeySchema schema, String tableName,
                           dev.shardbridge.emulator.operation.Request request) {
        ObjectNode response = Json.object();
        ArrayNode page = options.select() == Select.COUNT ? null : response.putArray("Items");
        int count = 0;
        int scanned = 0;
        long bytes = 0;
        StoredItem last = null;
        while (items.hasNext() && scanned < options.limit() && bytes < MAX_PAGE_BYTES) {
            StoredItem item = items.next().getValue();
            if (!keyFilter.test(item)) {
                break;
            }
            scanned++;
            bytes += item.sizeBytes();
            last = item;
            if (options.filter() != null && !options.filter().matches(item.attributes())) {
                continue;
            }
            count++;
            if (page != null) {
                Map<String, AttributeValue> shown = options.projection() == null ? item.attributes()
                        : options.projection().apply(item.attributes());
                page.add(AttributeValueJson.writeItem(shown));
            }
        }
        response.put("Count", count);
        response.put("ScannedCount", scanned);
        if (last != null && (scanned == options.limit() || bytes >= MAX_PAGE_BYTES)) {
            response.set("LastEvaluatedKey", AttributeValueJson.writeItem(schema.keyOf(last.attributes())));
        }
        ConsumedCapacity.addTo(response, request, tableName, ConsumedCapacity.readUnits(bytes, options.consistent()));
        return response;
    }
}
