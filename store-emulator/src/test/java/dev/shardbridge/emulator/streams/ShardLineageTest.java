package dev.shardbridge.emulator.streams;

import static dev.shardbridge.emulator.streams.TestTable.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Shards roll over and split into children that name their parent, and order survives both. */
class ShardLineageTest {
    private static final Duration ROLLOVER = Duration.ofHours(4);

    @RegisterExtension
    static final StreamsEmulator emulator = StreamsEmulator.frozen();

    @Test
    void aTableOfFourPartitionsHasFourOpenShards() {
        TestTable table = TestTable.create(emulator.clients(), "lineage-four", StreamViewType.KEYS_ONLY);

        assertThat(emulator.streamsOf(table.name()).partitions()).hasSize(4);
        assertThat(emulator.reader().shards(table.streamArn())).hasSize(4).allSatisfy(shard -> {
            assertThat(shard.parentShardId()).isNull();
            assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNull();
        });
    }

    @Test
    void everyShardRollsOverAfterThePeriodIntoAChild() {
        TestTable table = TestTable.create(emulator.clients(), "lineage-rollover", StreamViewType.KEYS_ONLY);
        String arn = table.streamArn();
        List<Shard> parents = emulator.reader().shards(arn);

        emulator.advance(ROLLOVER.minusMillis(1));
        table.put(item("pk", "just-before"));
        int beforePeriod = emulator.reader().shards(arn).size();
        emulator.advance(Duration.ofMillis(1));
        table.put(item("pk", "at-period-end"));
        ShardTree tree = ShardTree.read(emulator.reader(), arn).assertConsistent();

        assertThat(beforePeriod).isEqualTo(4);
        assertThat(tree.shards()).hasSize(8);
        assertThat(tree.shards().subList(0, 4)).extracting(Shard::shardId)
                .isEqualTo(parents.stream().map(Shard::shardId).toList());
        assertThat(tree.shards().subList(0, 4)).allSatisfy(parent ->
                assertThat(parent.sequenceNumberRange().endingSequenceNumber()).isNotNull());
        assertThat(tree.shards().subList(4, 8)).extracting(Shard::parentShardId)
                .containsExactlyElementsOf(parents.stream().map(Shard::shardId).toList());
        assertThat(shardOf(tree, "just-before").parentShardId()).isNull();
        assertThat(shardOf(tree, "at-period-end").parentShardId()).isNotNull();
    }

    @Test
    void aLongPauseRollsOneGenerationPerPeriod() {
        TestTable table = TestTable.create(emulator.clients(), "lineage-generations", StreamViewType.KEYS_ONLY);

        emulator.advance(ROLLOVER.multipliedBy(3).plusMinutes(5));
        table.put(item("pk", "k"));
        ShardTree tree = ShardTree.read(emulator.reader(), table.streamArn()).assertConsistent();

        assertThat(tree.shards()).hasSize(16);
        assertThat(tree.shards()).filteredOn(s -> s.sequenceNumberRange().endingSequenceNumber() == null).hasSize(4);
        assertThat(depthOf(tree, shardOf(tree, "k"))).isEqualTo(4);
    }

    @Test
    void aSplitClosesThePartitionsShardAndOpensTwoChildren() {
        TestTable table = TestTable.create(emulator.clients(), "lineage-split", StreamViewType.KEYS_ONLY);
        String arn = table.streamArn();
        List<Shard> before = emulator.reader().shards(arn);

        emulator.streamsOf(table.name()).split(2);
        List<Shard> after = emulator.reader().shards(arn);

        assertThat(emulator.streamsOf(table.name()).partitions()).hasSize(5);
        assertThat(after).hasSize(6);
        assertThat(after.get(2).shardId()).isEqualTo(before.get(2).shardId());
        assertThat(after.get(2).sequenceNumberRange().endingSequenceNumber()).isNotNull();
        assertThat(after.subList(0, 4)).filteredOn(s -> s.sequenceNumberRange().endingSequenceNumber() == null)
                .hasSize(3);
        assertThat(after.subList(4, 6)).extracting(Shard::parentShardId)
                .containsOnly(before.get(2).shardId());
    }

    @Test
    void eachKeyKeepsItsOrderAcrossRolloversAndSplits() {
        TestTable table = TestTable.create(emulator.clients(), "lineage-order", StreamViewType.NEW_IMAGE);
        List<String> keys = IntStream.range(0, 20).mapToObj(i -> "key-" + i).toList();
        for (int version = 1; version <= 6; version++) {
            int v = version;
            table.putAll(keys.stream().map(k -> item("pk", k, "version", v)).toList());
            switch (version) {
                case 2 -> emulator.streamsOf(table.name()).split(0);
                case 3 -> emulator.advance(ROLLOVER);
                case 4 -> emulator.streamsOf(table.name()).split(3);
                case 5 -> emulator.streamsOf(table.name()).rollAll();
                default -> { }
            }
        }

        ShardTree tree = ShardTree.read(emulator.reader(), table.streamArn()).assertConsistent();
        Map<String, List<Integer>> versionsByKey = new LinkedHashMap<>();
        for (Record record : tree.records()) {
            versionsByKey.computeIfAbsent(record.dynamodb().keys().get("pk").s(), k -> new ArrayList<>())
                    .add(Integer.parseInt(record.dynamodb().newImage().get("version").n()));
        }

        assertThat(versionsByKey.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(versionsByKey.values())
                .allSatisfy(versions -> assertThat(versions).containsExactly(1, 2, 3, 4, 5, 6));
    }

    @Test
    void sequenceNumbersAreLongNumericRisingAndNotContiguous() {
        emulator.partitions("lineage-sequence", 1);
        TestTable table = TestTable.create(emulator.clients(), "lineage-sequence", StreamViewType.NEW_IMAGE);
        for (int i = 0; i < 30; i++) {
            table.put(item("pk", "k", "payload", "x".repeat(i)));
        }

        List<BigInteger> numbers = emulator.reader().readAll(table.streamArn()).stream()
                .map(r -> ShardTree.number(r.dynamodb().sequenceNumber())).toList();

        assertThat(numbers).hasSize(30).isSorted().doesNotHaveDuplicates();
        List<BigInteger> gaps = IntStream.range(1, numbers.size())
                .mapToObj(i -> numbers.get(i).subtract(numbers.get(i - 1))).distinct().toList();
        assertThat(gaps).as("gaps between consecutive numbers vary").hasSizeGreaterThan(1);
    }

    private static Shard shardOf(ShardTree tree, String key) {
        return tree.shards().stream()
                .filter(s -> tree.recordsOf(s.shardId()).stream()
                        .anyMatch(r -> r.dynamodb().keys().get("pk").s().equals(key)))
                .findFirst().orElseThrow();
    }

    private static int depthOf(ShardTree tree, Shard shard) {
        int depth = 1;
        String parent = shard.parentShardId();
        while (parent != null) {
            String id = parent;
            depth++;
            parent = tree.shards().stream().filter(s -> s.shardId().equals(id)).findFirst().orElseThrow()
                    .parentShardId();
        }
        return depth;
    }
}
