package dev.shardbridge.sink.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.sink.Changes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchCollapserTest {

    @Test
    void keepsOnlyTheNewestChangePerKey() {
        ChangeEvent first = Changes.put(Operation.CREATE, "a", "100", 1);
        ChangeEvent other = Changes.put(Operation.CREATE, "b", "101", 1);
        ChangeEvent last = Changes.put(Operation.UPDATE, "a", "102", 2);

        assertThat(BatchCollapser.collapse(List.of(first, other, last))).containsExactly(last, other);
    }

    @Test
    void ordersByPositionNotByArrival() {
        ChangeEvent newer = Changes.delete("a", "1000000000000000000000");
        ChangeEvent older = Changes.put(Operation.UPDATE, "a", "999999999999999999999", 1);

        assertThat(BatchCollapser.collapse(List.of(newer, older))).containsExactly(newer);
    }

    @Test
    void keepsTheLaterRecordOfARedeliveredChange() {
        ChangeEvent delivered = Changes.put(Operation.UPDATE, "a", "5", 1);
        ChangeEvent redelivered = Changes.put(Operation.UPDATE, "a", "5", 1);

        assertThat(BatchCollapser.collapse(List.of(delivered, redelivered))).singleElement().isSameAs(redelivered);
    }

    @Test
    void aStreamChangeWinsOverASnapshotReadOfTheSameItem() {
        ChangeEvent streamed = Changes.put(Operation.UPDATE, "a", "7", 2);
        ChangeEvent snapshot = Changes.put(Operation.READ, "a", null, 1);

        assertThat(BatchCollapser.collapse(List.of(streamed, snapshot))).containsExactly(streamed);
    }

    @Test
    void equalKeysFromDifferentTablesStaySeparate() {
        ChangeEvent orders = Changes.inTable("orders", "a", "1", 1);
        ChangeEvent parcels = Changes.inTable("parcels", "a", "2", 1);

        assertThat(BatchCollapser.collapse(List.of(orders, parcels))).containsExactly(orders, parcels);
    }

    @Test
    void anEmptyBatchStaysEmpty() {
        assertThat(BatchCollapser.collapse(List.of())).isEmpty();
    }

    @Test
    void collapsesPerTargetTableSoTwoSourcesWrittenToOneTableNeverShareABatchSlot() {
        ChangeEvent fromOrders = Changes.inTable("orders", "a", "100", 1);
        ChangeEvent fromArchive = Changes.inTable("archive", "a", "101", 2);
        ChangeEvent otherTarget = Changes.inTable("orders", "a", "102", 3);
        Map<ChangeEvent, String> targets = Map.of(fromOrders, "replica", fromArchive, "replica",
                otherTarget, "elsewhere");

        assertThat(BatchCollapser.collapse(List.of(fromOrders, fromArchive, otherTarget), change -> change, targets::get))
                .containsExactly(fromArchive, otherTarget);
    }
}
