package dev.shardbridge.source.discovery;

import dev.shardbridge.source.assign.DiscoveredShard;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.SequenceNumberRange;
import software.amazon.awssdk.services.dynamodb.model.Shard;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShardLineageTest {

    private static Shard open(String id, String parent) {
        return Shard.builder().shardId(id).parentShardId(parent)
                .sequenceNumberRange(SequenceNumberRange.builder().startingSequenceNumber("1").build()).build();
    }

    private static Shard closed(String id, String parent) {
        return Shard.builder().shardId(id).parentShardId(parent)
                .sequenceNumberRange(SequenceNumberRange.builder().startingSequenceNumber("1")
                        .endingSequenceNumber("9").build()).build();
    }

    @Test
    void keepsListedParents() {
        assertThat(ShardLineage.discovered("orders", List.of(closed("p", null), open("c", "p"))))
                .containsExactly(DiscoveredShard.root("orders", "p"), DiscoveredShard.child("orders", "c", "p"));
    }

    @Test
    void movesTrimmedParentsOutOfTheLineageSoChildrenAreNotBlockedForever() {
        assertThat(ShardLineage.discovered("orders", List.of(open("c", "trimmed"))))
                .containsExactly(new DiscoveredShard("orders", "c", List.of(), List.of("trimmed")));
    }

    @Test
    void countsAShardListedTwiceOnce() {
        assertThat(ShardLineage.discovered("orders", List.of(open("a", null), open("a", null)))).hasSize(1);
    }

    @Test
    void findsClosedShardsWhoseChildrenAreMissing() {
        List<Shard> listing = List.of(closed("p1", null), open("c1", "p1"), closed("p2", null), open("o", null));
        assertThat(ShardLineage.closedWithoutListedChildren(listing)).containsExactly("p2");
    }
}
