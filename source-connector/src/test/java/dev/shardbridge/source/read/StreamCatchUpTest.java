package dev.shardbridge.source.read;

import dev.shardbridge.event.StreamShard;
import dev.shardbridge.event.TableKey;
import dev.shardbridge.source.assign.DiscoveredShard;
import dev.shardbridge.source.config.IdleBackoff;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When a table's stream counts as read past a Scan page, shard state by shard state. */
class StreamCatchUpTest {

    private static final long T = 1_000_000L;

    @Test
    void anOpenShardCountsOnceARequestMadeAfterThePageFoundItEmpty() {
        ShardCursor open = reading(DiscoveredShard.root("orders", "a"));
        StreamCatchUp catchUp = new StreamCatchUp(List.of(open));
        assertThat(catchUp.readAfter("orders", T)).as("never found empty").isFalse();

        open.readToTip(T - 1);
        assertThat(catchUp.readAfter("orders", T)).as("found empty before the page").isFalse();
        open.readToTip(T);
        assertThat(catchUp.readAfter("orders", T)).isTrue();
        assertThat(catchUp.readAfter("other", T)).as("another table's shards do not matter").isTrue();
    }

    @Test
    void aWaitingChildCountsOnlyWhileItsParentIsOpenHere() {
        ShardCursor parent = reading(DiscoveredShard.root("orders", "p"));
        parent.readToTip(T);
        ShardCursor child = new ShardCursor(DiscoveredShard.child("orders", "c", "p"), shard("c"), pacing());
        assertThat(new StreamCatchUp(List.of(parent, child)).readAfter("orders", T)).isTrue();

        parent.drained();
        assertThat(new StreamCatchUp(List.of(parent, child)).readAfter("orders", T))
                .as("the parent closed: the child may hold changes until its gate opens").isFalse();
    }

    @Test
    void aShardDrainedHereCountsOnlyWhenItsChildrenAreHereToo() {
        ShardCursor parent = reading(DiscoveredShard.root("orders", "p"));
        parent.drained();
        assertThat(new StreamCatchUp(List.of(parent)).readAfter("orders", T))
                .as("children not assigned yet: pages wait for the reassignment").isFalse();

        ShardCursor child = reading(DiscoveredShard.child("orders", "c", "p"));
        child.readToTip(T);
        assertThat(new StreamCatchUp(List.of(parent, child)).readAfter("orders", T)).isTrue();

        ShardCursor gone = reading(DiscoveredShard.root("orders", "g"));
        gone.finish();
        assertThat(new StreamCatchUp(List.of(gone)).readAfter("orders", T)).as("gone, not drained here").isTrue();
    }

    @Test
    void hurryingMakesIdleShardsDueByThePagesMomentButNotThrottledOnes() {
        ShardCursor idle = reading(DiscoveredShard.root("orders", "i"));
        idle.delay(0, Duration.ofSeconds(1));
        ShardCursor throttled = reading(DiscoveredShard.root("orders", "t"));
        throttled.backOff(0, Duration.ofSeconds(1));

        new StreamCatchUp(List.of(idle, throttled)).hurry(Map.of("orders", 5L));
        assertThat(idle.dueNanos()).isEqualTo(5L);
        assertThat(throttled.dueNanos()).isEqualTo(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void aPageReachedTheNewestRecordUnlessALimitCutItShort() {
        assertThat(StreamCatchUp.reachedTip(List.of(), 1000)).isTrue();
        assertThat(StreamCatchUp.reachedTip(List.of(record(300), record(300)), 1000)).isTrue();
        assertThat(StreamCatchUp.reachedTip(List.of(record(300), record(300)), 2)).as("the record limit").isFalse();
        assertThat(StreamCatchUp.reachedTip(List.of(record(400_000), record(400_000)), 1000))
                .as("near the 1 MB page limit").isFalse();
        assertThat(StreamCatchUp.reachedTip(List.of(Record.builder().dynamodb(StreamRecord.builder().build()).build()),
                1000)).as("no size: no proof").isFalse();
    }

    private static Record record(long sizeBytes) {
        return Record.builder().dynamodb(StreamRecord.builder().sizeBytes(sizeBytes).build()).build();
    }

    private static ShardCursor reading(DiscoveredShard discovered) {
        ShardCursor cursor = new ShardCursor(discovered, shard(discovered.shardId()), pacing());
        cursor.open(new ShardReader(null, "arn", discovered.shardId(), new ShardStart.TrimHorizon(), 1000), 0);
        return cursor;
    }

    private static StreamShard shard(String id) {
        return new StreamShard("orders", TableKey.of("id"), "arn", id);
    }

    private static PollPacing pacing() {
        return new PollPacing(new IdleBackoff(Duration.ofMillis(10), Duration.ofSeconds(1)), bound -> 0);
    }
}
