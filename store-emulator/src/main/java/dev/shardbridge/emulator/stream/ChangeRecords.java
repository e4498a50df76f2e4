package dev.shardbridge.emulator.stream;

import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.ItemSize;
import dev.shardbridge.emulator.table.StoredItem;
import dev.shardbridge.emulator.table.StreamViewType;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds the stream record of one item change as the stream's view type shapes it. Runs on every write
 * to a table with a stream, inside the item's lock, so it only reuses what the write already computed
 * (the stored images and their sizes) and renders no JSON.
 */
final class ChangeRecords {
    private static final HexFormat HEX = HexFormat.of();

    private ChangeRecords() {
    }

    /**
     * @param before the item before the change, or null for an insert
     * @param after  the item after the change, or null for a removal
     */
    static StreamRecord of(TableStream stream, StoredItem before, StoredItem after, long nowMillis,
                           SequenceNumbers sequences, String region) {
        StreamViewType view = stream.viewType();
        Map<String, AttributeValue> keys = stream.keySchema().keyOf((after != null ? after : before).attributes());
        boolean withNew = view.hasNewImage() && after != null;
        boolean withOld = view.hasOldImage() && before != null;
        int size = ItemSize.of(keys) + (withNew ? after.sizeBytes() : 0) + (withOld ? before.sizeBytes() : 0);
        EventName event = before == null ? EventName.INSERT : after == null ? EventName.REMOVE : EventName.MODIFY;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String eventId = HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
        return new StreamRecord(eventId, event, sequences.next(size), nowMillis, keys,
                withNew ? after.attributes() : null, withOld ? before.attributes() : null, size, view, region);
    }
}
