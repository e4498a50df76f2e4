package dev.shardbridge.emulator.durability;

import dev.shardbridge.emulator.testing.SdkClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Kills a separately started emulator with SIGKILL in the middle of concurrent writes, starts another
 * on the same data directory and compares what it serves with what the writers were told. Under fsync
 * always every acknowledged write is there with its stream record, in order; under fsync interval the
 * recovered log is a consistent prefix. A write in flight at the kill may be there or not, but never
 * half: never an item without its record, or a record without its item.
 */
class DurabilityKillIT {
    private static final int WRITERS = 8;
    private static final int KEYS_PER_WRITER = 12;
    private static final String PAYLOAD = "p".repeat(300);

    @TempDir
    Path work;

    private final List<EmulatorProcess> processes = new ArrayList<>();

    @AfterEach
    void killEverything() throws InterruptedException {
        for (EmulatorProcess process : processes) {
            process.kill();
        }
    }

    @Test
    void underFsyncAlwaysEveryAcknowledgedWriteAndItsRecordSurviveKill9() throws Exception {
        Path dataDir = work.resolve("always");
        List<String> flags = List.of("--data-dir", dataDir.toString(), "--fsync", "always",
                "--compact-after-bytes", Integer.toString(256 * 1024));
        Map<String, KeyHistory> histories = loadThenKill(flags, 3000);

        EmulatorProcess restarted = start(flags);
        try (SdkClients clients = SdkClients.of(restarted.endpoint())) {
            int acknowledged = checkEveryKey(clients, histories, restarted);
            assertThat(acknowledged).as("acknowledged writes before the kill").isGreaterThan(300);
            writeAfterRestart(clients);
        }
    }

    @Test
    void underFsyncIntervalAKilledEmulatorRecoversAConsistentLogEvenWithATornTail() throws Exception {
        Path dataDir = work.resolve("interval");
        List<String> flags = List.of("--data-dir", dataDir.toString(), "--fsync", "interval", "--fsync-interval",
                "PT0.05S", "--compact-after-bytes", Integer.toString(256 * 1024));
        Map<String, KeyHistory> histories = loadThenKill(flags, 2500);
        // As if the machine died in the middle of a write as well: half a frame at the end of the log.
        Path lastSegment;
        try (Stream<Path> files = Files.list(dataDir)) {
            lastSegment = files.filter(file -> file.getFileName().toString().matches("wal-\\d+\\.log")).sorted()
                    .reduce((first, second) -> second).orElseThrow();
        }
        Files.write(lastSegment, new byte[] {0, 0, 1, 0, 7, 7, 7, 7, 42}, StandardOpenOption.APPEND);

        EmulatorProcess restarted = start(flags);
        assertThat(restarted.output()).containsPattern("cut \\d+ bytes");
        try (SdkClients clients = SdkClients.of(restarted.endpoint())) {
            checkConsistentPrefix(clients, histories);
            writeAfterRestart(clients);
        }
    }

    /** Starts an emulator, writes from several threads for {@code millis}, kills it mid-load. */
    private Map<String, KeyHistory> loadThenKill(List<String> flags, long millis) throws Exception {
        EmulatorProcess emulator = start(flags);
        Map<String, KeyHistory> histories = new ConcurrentHashMap<>();
        try (SdkClients clients = SdkClients.of(emulator.endpoint())) {
            clients.tables().createTable(b -> b.tableName("orders")
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
            AtomicBoolean killed = new AtomicBoolean();
            CountDownLatch stopped = new CountDownLatch(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    try {
                        write(clients.tables(), writer, histories, killed);
                    } finally {
                        stopped.countDown();
                    }
                }, "writer-" + w);
                thread.start();
            }
            Thread.sleep(millis);
            killed.set(true);
            emulator.kill();
            assertThat(stopped.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("writers stopped").isTrue();
        }
        return histories;
    }

    /**
     * One writer: puts, batches of puts, updates and deletes of its own keys, one request at a time,
     * until a request fails (the kill). Versions rise per writer, so every put changes its item.
     */
    private static void write(DynamoDbClient dynamo, int writer, Map<String, KeyHistory> histories,
                              AtomicBoolean killed) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (long version = 1; ; version++) {
            int kind = random.nextInt(20);
            List<String> keys = new ArrayList<>();
            int count = kind < 3 ? 3 : 1;
            for (int i = 0; i < count; i++) {
                String key = "w" + writer + "-k" + random.nextInt(KEYS_PER_WRITER);
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
            long written = kind == 19 ? -1 : version;
            Map<String, Integer> attempts = new LinkedHashMap<>();
            keys.forEach(key -> attempts.put(key, histories.computeIfAbsent(key, k -> new KeyHistory())
                    .attempt(written)));
            try {
                if (kind < 3) {
                    List<WriteRequest> puts = keys.stream().map(key -> WriteRequest.builder()
                            .putRequest(PutRequest.builder().item(item(key, written)).build()).build()).toList();
                    assertThat(dynamo.batchWriteItem(b -> b.requestItems(Map.of("orders", puts))).unprocessedItems())
                            .isEmpty();
                } else if (kind == 19) {
                    dynamo.deleteItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS(keys.get(0)))));
                } else if (kind == 18) {
                    dynamo.updateItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS(keys.get(0))))
                            .updateExpression("SET v = :v, payload = :p")
                            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(written)),
                                    ":p", AttributeValue.fromS(PAYLOAD))));
                } else {
                    dynamo.putItem(b -> b.tableName("orders").item(item(keys.get(0), written)));
                }
            } catch (RuntimeException e) {
                if (!killed.get()) {
                    throw e;
                }
                return; // the kill: this request was never answered
            }
            attempts.forEach((key, index) -> histories.get(key).acknowledge(index));
        }
    }

    private static Map<String, AttributeValue> item(String key, long version) {
        return Map.of("pk", AttributeValue.fromS(key), "v", AttributeValue.fromN(Long.toString(version)),
                "payload", AttributeValue.fromS(PAYLOAD));
    }

    /** Every key shows one of its allowed outcomes, items and records agreeing; returns acknowledged writes. */
    private static int checkEveryKey(SdkClients clients, Map<String, KeyHistory> histories, EmulatorProcess emulator) {
        Map<String, KeyHistory.Outcome> served = served(clients);
        int acknowledged = 0;
        for (Map.Entry<String, KeyHistory> key : histories.entrySet()) {
            List<KeyHistory.Outcome> allowed = key.getValue().allowedOutcomes();
            KeyHistory.Outcome actual = served.getOrDefault(key.getKey(), new KeyHistory.Outcome(-1, List.of()));
            if (!allowed.contains(actual)) {
                fail("key %s after restart: %s; allowed: %s%nemulator output:%n%s", key.getKey(), actual, allowed,
                        emulator.output());
            }
            acknowledged += key.getValue().acknowledgedCount();
        }
        return acknowledged;
    }

    /**
     * Under fsync interval acknowledged writes of the last interval may be gone, but what is there is a
     * prefix of each key's writes, the item always the state after its last record.
     */
    private static void checkConsistentPrefix(SdkClients clients, Map<String, KeyHistory> histories) {
        Map<String, KeyHistory.Outcome> served = served(clients);
        for (Map.Entry<String, KeyHistory> key : histories.entrySet()) {
            KeyHistory.Outcome actual = served.getOrDefault(key.getKey(), new KeyHistory.Outcome(-1, List.of()));
            KeyHistory.Outcome everything = key.getValue().allowedOutcomes().get(
                    key.getValue().allowedOutcomes().size() - 1);
            assertThat(actual.changes().size()).as("records of %s", key.getKey())
                    .isLessThanOrEqualTo(everything.changes().size());
            assertThat(actual.changes()).as("records of %s are a prefix of its writes", key.getKey())
                    .isEqualTo(everything.changes().subList(0, actual.changes().size()));
            long itemAfterRecords = actual.changes().isEmpty() ? -1
                    : actual.changes().get(actual.changes().size() - 1).version();
            assertThat(actual.itemVersion()).as("item %s matches its last record", key.getKey())
                    .isEqualTo(itemAfterRecords);
        }
    }

    /** Per key: its item's version (or -1) and the changes its stream records show, in lineage order. */
    private static Map<String, KeyHistory.Outcome> served(SdkClients clients) {
        Map<String, Long> items = new LinkedHashMap<>();
        clients.tables().scanPaginator(b -> b.tableName("orders")).items()
                .forEach(item -> items.put(item.get("pk").s(), Long.parseLong(item.get("v").n())));
        String streamArn = clients.tables().describeTable(b -> b.tableName("orders")).table().latestStreamArn();
        Map<String, List<KeyHistory.Change>> changes = new LinkedHashMap<>();
        Map<String, String> lastSequence = new LinkedHashMap<>();
        for (Record record : StreamDump.read(clients.streams()).recordsOf(streamArn)) {
            String key = record.dynamodb().keys().get("pk").s();
            String sequence = record.dynamodb().sequenceNumber();
            assertThat(sequence).as("sequence numbers rise per key").isGreaterThan(lastSequence.getOrDefault(key, ""));
            lastSequence.put(key, sequence);
            long version = record.eventName() == OperationType.REMOVE ? -1
                    : Long.parseLong(record.dynamodb().newImage().get("v").n());
            changes.computeIfAbsent(key, k -> new ArrayList<>()).add(new KeyHistory.Change(version));
        }
        Map<String, KeyHistory.Outcome> outcomes = new LinkedHashMap<>();
        for (String key : union(items.keySet(), changes.keySet())) {
            outcomes.put(key, new KeyHistory.Outcome(items.getOrDefault(key, -1L), changes.getOrDefault(key, List.of())));
        }
        return outcomes;
    }

    private static List<String> union(Iterable<String> first, Iterable<String> second) {
        List<String> all = new ArrayList<>();
        first.forEach(all::add);
        second.forEach(key -> {
            if (!all.contains(key)) {
                all.add(key);
            }
        });
        return all;
    }

    /** The recovered emulator takes writes, with stream records after every recovered one. */
    private static void writeAfterRestart(SdkClients clients) {
        clients.tables().putItem(b -> b.tableName("orders").item(item("after-restart", 1)));
        assertThat(clients.tables().getItem(b -> b.tableName("orders")
                .key(Map.of("pk", AttributeValue.fromS("after-restart")))).item()).isNotEmpty();
    }

    private EmulatorProcess start(List<String> flags) throws IOException, InterruptedException {
        EmulatorProcess process = EmulatorProcess.start(work.resolve("emulator-" + processes.size() + ".log"), flags);
        processes.add(process);
        return process;
    }
}
