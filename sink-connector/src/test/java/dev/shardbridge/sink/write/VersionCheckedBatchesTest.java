package dev.shardbridge.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.sink.batch.BatchCollapser;
import dev.shardbridge.sink.config.RetryPolicy;
import dev.shardbridge.sink.guard.GuardedRequests;
import dev.shardbridge.sink.retry.BoundedRetry;
import dev.shardbridge.sink.task.PendingChange;
import dev.shardbridge.sink.testing.ChangeHistory;
import dev.shardbridge.sink.testing.TargetStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The read-before-write guard against the emulator: batches of changes delivered twice and out of order (as a
 * redelivery after a restart does) still leave the target in the state of applying every change once, in order.
 */
class VersionCheckedBatchesTest {

    private static TargetStore store;

    @BeforeAll
    static void startStore() {
        store = TargetStore.start();
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @Test
    void staleAndRepeatedChangesNeverOverwriteNewerOnesNorResurrectDeletes() {
        String table = "read-before-write";
        store.createTable(table);
        ChangeHistory history = ChangeHistory.random(table, 150, 3_000, 17, 100);
        List<ChangeEvent> delivery = new ArrayList<>(history.changes());
        // The whole history again, shuffled: older changes arrive after newer ones, puts after deletes.
        List<ChangeEvent> replay = new ArrayList<>(history.changes());
        Collections.shuffle(replay, new Random(5));
        delivery.addAll(replay);

        try (ChangeWriter writer = writer()) {
            for (int from = 0; from < delivery.size(); from += 250) {
                List<PendingChange> batch = new ArrayList<>();
                for (ChangeEvent change : delivery.subList(from, Math.min(from + 250, delivery.size()))) {
                    batch.add(new PendingChange(record(batch.size()), table, change));
                }
                assertThat(writer.write(BatchCollapser.collapse(batch, PendingChange::event, PendingChange::table)))
                        .isEmpty();
            }
        }
        assertThat(store.visibleItems(table)).isEqualTo(history.expectedState());
    }

    private static ChangeWriter writer() {
        BoundedRetry retry = new BoundedRetry(new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(10)));
        GuardedRequests requests = new GuardedRequests(TargetStore.VERSION_ATTRIBUTE, TargetStore.TOMBSTONE_ATTRIBUTE);
        return new VersionCheckedBatches(new StoredVersions(store.client(), retry, TargetStore.VERSION_ATTRIBUTE, 4),
                new UnguardedBatches(store.client(), requests, retry, 25, 8));
    }

    private static SinkRecord record(long offset) {
        return new SinkRecord("cdc.items", 0, null, null, null, null, offset);
    }
}
