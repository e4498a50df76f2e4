package dev.shardbridge.emulator.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;

/**
 * A stream's shards as DescribeStream listed them, with every shard's records, and the invariants a
 * consumer relies on: parents listed before children, closed parents ending before their children start,
 * sequence numbers rising through each shard and from parent to child.
 */
final class ShardTree {
    private final List<Shard> shards;
    private final Map<String, List<Record>> recordsByShard;

    private ShardTree(List<Shard> shards, Map<String, List<Record>> recordsByShard) {
        this.shards = shards;
        this.recordsByShard = recordsByShard;
    }

    /** Lists the shards and reads each to its end, in listed order. */
    static ShardTree read(StreamReader reader, String streamArn) {
        List<Shard> shards = reader.shards(streamArn);
        Map<String, List<Record>> records = new LinkedHashMap<>();
        for (Shard shard : shards) {
            records.put(shard.shardId(), reader.readShard(streamArn, shard.shardId()));
        }
        return new ShardTree(shards, records);
    }

    List<Shard> shards() {
        return shards;
    }

    List<Record> recordsOf(String shardId) {
        return recordsByShard.get(shardId);
    }

    /** Every record, shard after shard in listed order. */
    List<Record> records() {
        return recordsByShard.values().stream().flatMap(List::stream).toList();
    }

    /** Fails unless the tree keeps every lineage invariant. */
    ShardTree assertConsistent() {
        Map<String, Integer> position = new HashMap<>();
        Map<String, Shard> byId = new HashMap<>();
        for (int i = 0; i < shards.size(); i++) {
            position.put(shards.get(i).shardId(), i);
            byId.put(shards.get(i).shardId(), shards.get(i));
        }
        assertThat(position).as("shard ids are unique").hasSize(shards.size());
        for (Shard shard : shards) {
            assertRecordsWithinRange(shard);
            Shard parent = shard.parentShardId() == null ? null : byId.get(shard.parentShardId());
            if (parent != null) {
                assertThat(position.get(parent.shardId())).as("parent of %s listed first", shard.shardId())
                        .isLessThan(position.get(shard.shardId()));
                assertThat(parent.sequenceNumberRange().endingSequenceNumber()).as("a parent is closed").isNotNull();
                assertThat(number(shard.sequenceNumberRange().startingSequenceNumber()))
                        .as("%s starts after its parent ends", shard.shardId())
                        .isGreaterThan(number(parent.sequenceNumberRange().endingSequenceNumber()));
            }
        }
        return this;
    }

    private void assertRecordsWithinRange(Shard shard) {
        List<BigInteger> sequence = recordsOf(shard.shardId()).stream()
                .map(r -> number(r.dynamodb().sequenceNumber())).toList();
        assertThat(sequence).as("sequence numbers of %s", shard.shardId()).isSorted().doesNotHaveDuplicates();
        if (sequence.isEmpty()) {
            return;
        }
        assertThat(sequence.get(0))
                .isGreaterThanOrEqualTo(number(shard.sequenceNumberRange().startingSequenceNumber()));
        String ending = shard.sequenceNumberRange().endingSequenceNumber();
        if (ending != null) {
            assertThat(sequence.get(sequence.size() - 1)).isLessThanOrEqualTo(number(ending));
        }
    }

    static BigInteger number(String sequenceNumber) {
        assertThat(sequenceNumber).matches("[0-9]{21,40}");
        return new BigInteger(sequenceNumber);
    }
}
