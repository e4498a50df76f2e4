package dev.shardbridge.emulator.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.shardbridge.emulator.durability.JournalEntry.ClockAdvanced;
import dev.shardbridge.emulator.durability.JournalEntry.ItemChanged;
import dev.shardbridge.emulator.durability.JournalEntry.ItemsSaved;
import dev.shardbridge.emulator.durability.JournalEntry.PartitionsOverridden;
import dev.shardbridge.emulator.durability.JournalEntry.RecordsSaved;
import dev.shardbridge.emulator.durability.JournalEntry.SegmentStarted;
import dev.shardbridge.emulator.durability.JournalEntry.SnapshotFinished;
import dev.shardbridge.emulator.durability.JournalEntry.SnapshotStarted;
import dev.shardbridge.emulator.durability.JournalEntry.StreamSaved;
import dev.shardbridge.emulator.durability.JournalEntry.StructureChanged;
import dev.shardbridge.emulator.durability.JournalEntry.TableCreated;
import dev.shardbridge.emulator.durability.JournalEntry.TableDeleted;
import dev.shardbridge.emulator.durability.JournalEntry.TableUpdated;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.stream.StreamRecord;
import dev.shardbridge.emulator.table.StreamViewType;
import dev.shardbridge.emulator.table.TableDefinition;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryCodecTest {

    @Test
    void anItemOfEveryAttributeTypeComesBackEqual() throws IOException {
        Map<String, AttributeValue> item = SampleState.itemOfEveryType("parcel-1", 7);
        ItemChanged change = new ItemChanged("orders", "id-1", item.get("pk"), item.get("sk"), item, null, null, null);
        assertRoundTrip(change);
        assertThat(((ItemChanged) roundTrip(change)).item()).isEqualTo(item);
    }

    @Test
    void anItemChangeKeepsItsCompleteStreamRecord() throws IOException {
        Map<String, AttributeValue> before = SampleState.itemOfEveryType("parcel-1", 7);
        Map<String, AttributeValue> after = SampleState.itemOfEveryType("parcel-1", 7);
        after.put("s", new AttributeValue.StringValue("changed"));
        StreamRecord record = SampleState.record(123_456_789_012L, after, before);
        // The item is the record's new image, as the stream classes hand it over: written once.
        ItemChanged sharedImage = new ItemChanged("orders", "id-1", after.get("pk"), after.get("sk"), record.newImage(),
                "arn:stream", "shardId-1", record);
        ItemChanged separateItem = new ItemChanged("orders", "id-1", after.get("pk"), after.get("sk"),
                new LinkedHashMap<>(after), "arn:stream", "shardId-1", record);
        assertRoundTrip(sharedImage);
        assertRoundTrip(separateItem);
        assertThat(encode(sharedImage).length).isLessThan(encode(separateItem).length);
    }

    @Test
    void aDeletionComesBackAsADeletionWithItsKey() throws IOException {
        Map<String, AttributeValue> old = SampleState.itemOfEveryType("parcel-2", 8);
        ItemChanged deletion = new ItemChanged("orders", "id-1", old.get("pk"), old.get("sk"), null, "arn:stream",
                "shardId-1", SampleState.record(9, null, old));
        ItemChanged hashOnly = new ItemChanged("orders", "id-1", old.get("pk"), null, null, null, null, null);
        assertRoundTrip(deletion);
        assertRoundTrip(hashOnly);
        assertThat(((ItemChanged) roundTrip(deletion)).item()).isNull();
    }

    @Test
    void tableEntriesKeepEveryComponentOfTheDefinition() throws IOException {
        assertThat(TableDefinition.class.getRecordComponents())
                .as("a new TableDefinition component must be written by TableDefinitionCbor and checked here")
                .hasSize(10);
        TableDefinition withStream = SampleState.definition("orders", "id-1", StreamViewType.NEW_AND_OLD_IMAGES);
        TableDefinition withoutStream = SampleState.definition("orders", "id-2", null);
        assertRoundTrip(new TableCreated(withStream, SampleState.tableStreams("arn:stream")));
        assertRoundTrip(new TableUpdated(withoutStream));
        assertRoundTrip(new TableDeleted("orders", "id-1"));
        assertThat(((TableUpdated) roundTrip(new TableUpdated(withStream))).definition()).isEqualTo(withStream);
    }

    @Test
    void streamStructureKeepsPartitionsShardsLineageAndTrimState() throws IOException {
        StructureChanged structure = new StructureChanged(SampleState.tableStreams("arn:stream"));
        assertRoundTrip(structure);
        var shards = ((StructureChanged) roundTrip(structure)).streams().current().shards();
        assertThat(shards).extracting(s -> s.parentId()).containsExactly(null, shards.get(0).id(), shards.get(0).id());
        assertThat(shards.get(0).trimHorizon()).isEqualTo(3);
        assertThat(shards.get(0).lastTrimmedSequence()).isEqualTo(99);
    }

    @Test
    void settingsAndSegmentEntriesRoundTrip() throws IOException {
        assertRoundTrip(new ClockAdvanced(86_400_000L));
        assertRoundTrip(new PartitionsOverridden("orders", 16));
        assertRoundTrip(new SegmentStarted(EntryCodec.FORMAT_VERSION, 42));
    }

    @Test
    void snapshotEntriesRoundTrip() throws IOException {
        assertRoundTrip(new SnapshotStarted(1, 7, 123_456, 3_600_000, Map.of("orders", 8, "parcels", 2)));
        assertRoundTrip(new StreamSaved(SampleState.stream("arn:stream", false)));
        StreamRecord one = SampleState.record(1, SampleState.itemOfEveryType("a", 1), null);
        StreamRecord two = SampleState.record(2, null, SampleState.itemOfEveryType("a", 1));
        assertRoundTrip(new RecordsSaved("arn:stream", "shardId-1", List.of(one, two)));
        assertRoundTrip(new ItemsSaved("orders", "id-1", List.of(SampleState.itemOfEveryType("a", 1),
                SampleState.itemOfEveryType("b", 2))));
        assertRoundTrip(new SnapshotFinished(2, 3, 4));
    }

    @Test
    void aPayloadOfAnUnknownKindIsAnErrorNotSkipped() throws IOException {
        byte[] unknown = new CBORMapper().writeValueAsBytes(Map.of("t", "fromTheFuture"));
        assertThatThrownBy(() -> EntryCodec.decode(unknown)).isInstanceOf(IOException.class)
                .hasMessageContaining("fromTheFuture");
    }

    private static void assertRoundTrip(JournalEntry entry) throws IOException {
        assertThat(roundTrip(entry)).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*json")
                .isEqualTo(entry);
    }

    private static JournalEntry roundTrip(JournalEntry entry) throws IOException {
        return EntryCodec.decode(encode(entry));
    }

    /** The payload of the entry's frame. */
    private static byte[] encode(JournalEntry entry) {
        FrameBuffer buffer = new FrameBuffer(256);
        EntryCodec.encode(entry, buffer);
        return Arrays.copyOfRange(buffer.array(), Frame.HEADER_BYTES, buffer.size());
    }
}
