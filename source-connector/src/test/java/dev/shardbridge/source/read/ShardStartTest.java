package dev.shardbridge.source.read;

import dev.shardbridge.source.config.StartPosition;
import dev.shardbridge.source.offset.ShardOffset;
import dev.shardbridge.source.offset.ShardPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ShardStartTest {

    private static final ShardPartition SHARD = new ShardPartition("orders", "shard-2");
    private static final ShardPartition PARENT = new ShardPartition("orders", "shard-1");

    @Test
    void aCommittedPositionWinsOverTheConfiguredStart() {
        assertThat(ShardStart.decide(Optional.of(ShardOffset.after(SHARD, "300")), List.of(), StartPosition.LATEST))
                .isEqualTo(new ShardStart.After("300"));
    }

    @Test
    void aDrainedShardHasNothingLeftToRead() {
        assertThat(ShardStart.decide(Optional.of(ShardOffset.drained(SHARD, "300")), List.of(),
                StartPosition.TRIM_HORIZON)).isEqualTo(new ShardStart.Done());
    }

    @Test
    void trimHorizonReadsEveryShardFromItsStart() {
        assertThat(ShardStart.decide(Optional.empty(), List.of(), StartPosition.TRIM_HORIZON))
                .isEqualTo(new ShardStart.TrimHorizon());
    }

    @Test
    void latestStartsARootShardAtItsNewestRecord() {
        assertThat(ShardStart.decide(Optional.empty(), List.of(), StartPosition.LATEST))
                .isEqualTo(new ShardStart.Latest());
    }

    @Test
    void latestReadsAChildFromItsStartOnceItsParentWasFollowed() {
        // The parent was read while open (it may have had no records): the child holds the changes after the
        // split, and starting it at "latest" would lose those written before the child's first read.
        assertThat(ShardStart.decide(Optional.empty(), List.of(ShardOffset.drained(PARENT, null)),
                StartPosition.LATEST)).isEqualTo(new ShardStart.TrimHorizon());
        assertThat(ShardStart.decide(Optional.empty(), List.of(ShardOffset.drained(PARENT, "100")),
                StartPosition.LATEST)).isEqualTo(new ShardStart.TrimHorizon());
    }

    @Test
    void latestStartsAChildAtLatestWhenItsParentsPredateTheConnector() {
        assertThat(ShardStart.decide(Optional.empty(), List.of(ShardOffset.skipped(PARENT)), StartPosition.LATEST))
                .isEqualTo(new ShardStart.Latest());
    }
}
