package dev.shardbridge.sink.task;

import dev.shardbridge.sink.batch.BatchCollapser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item's changes in a batch: the newest, which is written, and every record it stands for,
 * which are all done once that write is.
 *
 * @param newest  the change to write
 * @param records the records of all the item's changes in the batch, the newest's included
 */
public record ChangeGroup(PendingChange newest, List<SinkRecord> records) {

    public ChangeGroup {
        records = List.copyOf(records);
    }

    /** The batch's changes grouped per target item, each group led by its newest change. */
    public static List<ChangeGroup> of(List<PendingChange> changes) {
        Map<Item, List<SinkRecord>> records = new LinkedHashMap<>();
        changes.forEach(change -> records.computeIfAbsent(Item.of(change), i -> new ArrayList<>()).add(change.record()));
        return BatchCollapser.collapse(changes, PendingChange::event, PendingChange::table).stream()
                .map(newest -> new ChangeGroup(newest, records.get(Item.of(newest)))).toList();
    }

    private record Item(String table, Map<String, AttributeValue> key) {
        static Item of(PendingChange change) {
            return new Item(change.table(), change.event().key());
        }
    }
}
