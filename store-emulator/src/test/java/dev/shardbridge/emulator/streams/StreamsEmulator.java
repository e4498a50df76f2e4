package dev.shardbridge.emulator.streams;

import dev.shardbridge.emulator.testing.SdkClients;
import dev.shardbridge.emulator.EmulatorSettings;
import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.stream.HashRange;
import dev.shardbridge.emulator.stream.StreamSettings;
import dev.shardbridge.emulator.stream.TableStreams;
import dev.shardbridge.emulator.table.ItemKey;
import java.time.Clock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An embedded emulator, with SDK clients pointed at it, whose clock stands still unless a test advances
 * it. A frozen clock makes every time-based behaviour exact: record timestamps, iterator expiry,
 * retention, rollover and the readers window only change when the test says so.
 */
final class StreamsEmulator implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    /** Where the emulator clock starts; milliseconds included so stream labels show them. */
    static final Instant START = Instant.parse("2031-03-14T15:09:26.535Z");

    /**
     * AWS's behaviour except the readers limit, raised so that tests which open many iterators on one
     * shard on a frozen clock are not throttled; the limit itself is tested with AWS's value.
     */
    static final StreamSettings UNTHROTTLED = StreamSettings.AWS.withMaxReadersPerShard(1000);

    private final EmulatorSettings settings;
    private StoreEmulator emulator;
    private SdkClients clients;
    private StreamReader reader;

    private StreamsEmulator(EmulatorSettings settings) {
        this.settings = settings;
    }

    /**
     * One emulator per test class on a frozen clock, started before the class's tests:
     * {@code @RegisterExtension static final StreamsEmulator emulator = StreamsEmulator.frozen(settings);}
     */
    static StreamsEmulator frozen(StreamSettings streams) {
        return new StreamsEmulator(EmulatorSettings.defaults().withClock(Clock.fixed(START, ZoneOffset.UTC))
                .withStreams(streams));
    }

    static StreamsEmulator frozen() {
        return frozen(UNTHROTTLED);
    }

    /** On the real clock, for tests where time passing on its own is part of the point. */
    static StreamsEmulator inRealTime() {
        return new StreamsEmulator(EmulatorSettings.defaults().withStreams(UNTHROTTLED));
    }

    /** Starts at once, for tests that manage the lifetime themselves. */
    static StreamsEmulator start(StreamSettings streams) {
        StreamsEmulator started = frozen(streams);
        started.beforeAll(null);
        return started;
    }

    static StreamsEmulator start() {
        return start(UNTHROTTLED);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = StoreEmulator.start(settings);
        clients = SdkClients.of(emulator.endpoint());
        reader = new StreamReader(clients.streams());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    DynamoDbStreamsClient streams() {
        return clients.streams();
    }

    /** Reads whole shards and lineages for assertions. */
    StreamReader reader() {
        return reader;
    }

    SdkClients clients() {
        return clients;
    }

    StoreEmulator emulator() {
        return emulator;
    }

    Instant now() {
        return emulator.clock().instant();
    }

    void advance(Duration duration) {
        emulator.clock().advance(duration);
    }

    /** The emulator's in-process handle on a table's partitions and shards. */
    TableStreams streamsOf(String table) {
        return emulator.streams().streamsOf(table);
    }

    /** Sets the partition count of a table that is about to be created. */
    void partitions(String table, int count) {
        emulator.streams().overridePartitions(table, count);
    }

    /**
     * The first {@code count} partition keys of the form {@code k0, k1, ...} that hash into a partition,
     * computed as the emulator places items, so a test can aim writes at one shard.
     */
    List<String> keysIn(String table, int partition, int count) {
        HashRange range = streamsOf(table).partitions().get(partition);
        return IntStream.iterate(0, i -> i + 1).mapToObj(i -> "k" + i)
                .filter(key -> range.contains(ItemKey.of(new AttributeValue.StringValue(key), null).token()))
                .limit(count).toList();
    }

    @Override
    public void close() {
        if (emulator != null) {
            clients.close();
            emulator.close();
            emulator = null;
        }
    }
}
