package dev.shardbridge.source.assign;

import dev.shardbridge.source.offset.ShardOffset;
import dev.shardbridge.source.offset.ShardPartition;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LineageGateTest {

    private static final String SEQ = "100000000000000000001";

    private final Map<ShardPartition, ShardOffset> offsets = new HashMap<>();
    private final LineageGate gate = new LineageGate(partition -> Optional.ofNullable(offsets.get(partition)));

    private void commit(String shard, boolean drained) {
        ShardOffset offset = ShardOffset.after(new ShardPartition("orders", shard), SEQ);
        offsets.put(offset.partition(), drained ? offset.asDrained() : offset);
    }

    @Test
    void aShardWithoutParentsIsReadableAtOnce() {
        assertThat(gate.mayRead(DiscoveredShard.root("orders", "root"))).isTrue();
    }

    @Test
    void aChildWaitsForAParentThatWasNeverRead() {
        DiscoveredShard child = DiscoveredShard.child("orders", "child", "parent");
        assertThat(gate.mayRead(child)).isFalse();
        assertThat(gate.undrainedParents(child)).containsExactly("parent");
    }

    @Test
    void aChildWaitsForAParentStillBeingRead() {
        commit("parent", false);
        assertThat(gate.mayRead(DiscoveredShard.child("orders", "child", "parent"))).isFalse();
    }

    @Test
    void aDrainedParentReleasesItsChild() {
        commit("parent", true);
        assertThat(gate.mayRead(DiscoveredShard.child("orders", "child", "parent"))).isTrue();
    }

    @Test
    void everyParentMustBeDrained() {
        commit("p1", true);
        commit("p2", false);
        DiscoveredShard child = new DiscoveredShard("orders", "child", List.of("p1", "p2"));
        assertThat(gate.undrainedParents(child)).containsExactly("p2");
        commit("p2", true);
        assertThat(gate.mayRead(child)).isTrue();
    }

    @Test
    void parentsAreLookedUpInTheChildsTable() {
        offsets.put(new ShardPartition("parcels", "parent"), ShardOffset.after(new ShardPartition("parcels", "parent"), SEQ).asDrained());
        assertThat(gate.mayRead(DiscoveredShard.child("orders", "child", "parent"))).isFalse();
    }
}
