package dev.shardbridge.emulator.streams;

import static dev.shardbridge.emulator.streams.TestTable.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Partitions split on their own once they pass a write rate (more than 2 writes a second here) or a
 * size (100,000 bytes here), and the split shows in the stream's lineage.
 */
class AutomaticSplitTest {
    private static final long WRITES_PER_SECOND = 2;
    private static final long BYTES = 100_000;

    @RegisterExtension
    static final StreamsEmulator emulator = StreamsEmulator.frozen(StreamsEmulator.UNTHROTTLED.withSplitThresholds(WRITES_PER_SECOND, BYTES));

    /** The frozen clock keeps every write in one rate window. */
    @Test
    void aPartitionSplitsOnceItsWriteRatePassesTheThreshold() {
        TestTable table = singlePartitionTable("auto-rate");
        table.put(item("pk", "k0"));
        table.put(item("pk", "k1"));
        int beforeThreshold = emulator.streamsOf(table.name()).partitions().size();
        table.put(item("pk", "k2"));

        ShardTree tree = ShardTree.read(emulator.reader(), table.streamArn()).assertConsistent();

        assertThat(beforeThreshold).isEqualTo(1);
        assertThat(emulator.streamsOf(table.name()).partitions()).hasSize(2);
        assertThat(tree.shards()).hasSize(3);
        Shard parent = tree.shards().get(0);
        assertThat(tree.recordsOf(parent.shardId())).as("the write that passed the threshold").hasSize(3);
        assertThat(tree.shards().subList(1, 3)).extracting(Shard::parentShardId).containsOnly(parent.shardId());
    }

    @Test
    void aPartitionSplitsOnceItsItemsPassTheSizeThreshold() {
        TestTable table = singlePartitionTable("auto-size");
        table.put(item("pk", "k0", "data", "x".repeat(60_000)));
        int beforeThreshold = emulator.streamsOf(table.name()).partitions().size();
        emulator.advance(Duration.ofSeconds(1));
        table.put(item("pk", "k1", "data", "x".repeat(60_000)));

        assertThat(beforeThreshold).isEqualTo(1);
        assertThat(emulator.streamsOf(table.name()).partitions()).hasSize(2);
        assertThat(emulator.reader().shards(table.streamArn())).hasSize(3);
    }

    /** A hot key keeps splitting its partition down to a single token, and its writes keep succeeding. */
    @Test
    void aSingleHotKeyNeverFailsItsWrites() {
        TestTable table = singlePartitionTable("auto-hot-key");
        int writes = 300;
        for (int version = 1; version <= writes; version++) {
            table.put(item("pk", "hot", "version", version));
        }

        List<Integer> versions = ShardTree.read(emulator.reader(), table.streamArn()).assertConsistent().records().stream()
                .map(r -> Integer.parseInt(r.dynamodb().newImage().get("version").n())).toList();

        assertThat(versions).isEqualTo(IntStream.rangeClosed(1, writes).boxed().toList());
        assertThat(emulator.streamsOf(table.name()).partitions()).hasSize(65);
    }

    private static TestTable singlePartitionTable(String name) {
        emulator.partitions(name, 1);
        return TestTable.create(emulator.clients(), name, StreamViewType.NEW_IMAGE);
    }
}
