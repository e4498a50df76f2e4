package dev.shardbridge.source.discovery;

import dev.shardbridge.source.assign.DiscoveredShard;
import software.amazon.awssdk.services.dynamodb.model.Shard;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a stream's shard listing into {@link DiscoveredShard}s and repairs what listings get wrong.
 * Pure, so the repairs are tested without a server.
 */
final class ShardLineage {

    private ShardLineage() {
    }

    /**
     * A shard listed twice (pages that overlap while the stream changes) counts once. A parent the listing
     * no longer holds has been trimmed: it can never be drained, so it is moved from the child's lineage to
     * its trimmed parents instead of blocking the child forever.
     */
    static List<DiscoveredShard> discovered(String table, Collection<Shard> listing) {
        Map<String, Shard> byId = new LinkedHashMap<>();
        listing.forEach(shard -> byId.putIfAbsent(shard.shardId(), shard));
        return byId.values().stream()
                .map(shard -> {
                    String parent = shard.parentShardId();
                    boolean listed = parent != null && byId.containsKey(parent);
                    return new DiscoveredShard(table, shard.shardId(), listed ? List.of(parent) : List.of(),
                            parent != null && !listed ? List.of(parent) : List.of());
                })
                .toList();
    }

    /**
     * Closed shards none of whose children is listed. Every closed shard of an enabled stream continues in
     * a child (rollover or split), so such a shard points at a listing that missed its children; discovery
     * asks for them directly.
     */
    static List<String> closedWithoutListedChildren(Collection<Shard> listing) {
        Set<String> parents = listing.stream().map(Shard::parentShardId)
                .filter(id -> id != null).collect(Collectors.toSet());
        return listing.stream()
                .filter(shard -> shard.sequenceNumberRange() != null
                        && shard.sequenceNumberRange().endingSequenceNumber() != null)
                .map(Shard::shardId)
                .filter(id -> !parents.contains(id))
                .distinct()
                .toList();
    }
}
