package dev.shardbridge.sink.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.event.connect.EnvelopeEncoder;
import dev.shardbridge.sink.config.RetryPolicy;
import dev.shardbridge.sink.guard.GuardedRequests;
import dev.shardbridge.sink.retry.BoundedRetry;
import dev.shardbridge.sink.task.PendingChange;
import dev.shardbridge.sink.testing.ChangeHistory;
import dev.shardbridge.sink.testing.TargetStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both writers against the emulator, fed changes the task's validator would have stopped, to show
 * that an item the target refuses becomes a rejection of that one record, never of its batch.
 */
class ChangeWritersTest {

    private static final BoundedRetry RETRY = new BoundedRetry(new RetryPolicy(3, Duration.ZERO, Duration.ZERO));
    private static final GuardedRequests REQUESTS = new GuardedRequests("_shardbridge_pos", "_shardbridge_deleted");

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
    void theGuardedPipelineRejectsJustTheItemTheTargetRefuses() {
        store.createTable("guarded");
        List<PendingChange> changes = changes("guarded");

        try (GuardedPipeline pipeline = new GuardedPipeline(store.client(), REQUESTS, RETRY, 4)) {
            assertRejectsOnlyTheOversizedItem(pipeline.write(changes), "guarded");
        }
    }

    @Test
    void unguardedBatchesFallBackToSingleWritesToFindTheItemTheTargetRefuses() {
        store.createTable("unguarded");
        List<PendingChange> changes = changes("unguarded");

        try (UnguardedBatches batches = new UnguardedBatches(store.client(), REQUESTS, RETRY, 25, 4)) {
            assertRejectsOnlyTheOversizedItem(batches.write(changes), "unguarded");
        }
    }

    @Test
    void aFailureThatIsNotTheRecordsFaultNamesTheRecord() {
        List<PendingChange> changes = changes("no-such-table");

        try (GuardedPipeline pipeline = new GuardedPipeline(store.client(), REQUESTS, RETRY, 4)) {
            assertThatThrownBy(() -> pipeline.write(changes)).isInstanceOf(WriteFailedException.class)
                    .hasMessageContaining("topic t, partition 0, offset")
                    .hasMessageContaining("to table no-such-table")
                    .hasMessageContaining("ResourceNotFoundException");
        }
    }

    private static void assertRejectsOnlyTheOversizedItem(List<ChangeWriter.Rejection> rejections, String table) {
        assertThat(rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.change().event().key().get("pk").s()).isEqualTo("huge");
            assertThat(rejection.reason()).contains("Item size has exceeded the maximum allowed size");
        });
        assertThat(store.visibleItems(table)).hasSize(30).doesNotContainKey("huge");
    }

    /** 30 ordinary items and, in the middle, one over DynamoDB's 400 KB limit. */
    private static List<PendingChange> changes(String table) {
        List<PendingChange> changes = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 31; i++) {
            String pk = i == 15 ? "huge" : "item-" + i;
            ChangeEvent change = ChangeHistory.event(Operation.CREATE, table, pk, "1000000000000000000" + (10 + i),
                    ChangeHistory.image(pk, i, random, i == 15 ? 420 * 1024 : 20));
            var encoded = EnvelopeEncoder.encode(change);
            SinkRecord record = new SinkRecord("t", 0, encoded.keySchema(), encoded.key(), encoded.valueSchema(),
                    encoded.value(), i);
            changes.add(new PendingChange(record, table, change));
        }
        return changes;
    }
}
