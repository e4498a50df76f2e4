package dev.shardbridge.sink.write;

import dev.shardbridge.sink.errors.UnprocessedItemsException;
import dev.shardbridge.sink.retry.BoundedRetry;
import dev.shardbridge.sink.task.PendingChange;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Reads the version attribute of many target items at once: BatchGetItem, up to 100 keys a request, several
 * requests at a time, strongly consistent so a version this task wrote a moment ago is seen. Only the key
 * attributes and the version are fetched, so a page of large items costs little.
 */
public final class StoredVersions {

    /** DynamoDB's limit of keys per BatchGetItem request. */
    static final int KEYS_PER_REQUEST = 100;

    private final DynamoDbClient client;
    private final BoundedRetry retry;
    private final String versionAttribute;
    private final WriterThreads threads;

    /** @param maxInFlight how many BatchGetItem requests may run at once, like the writes */
    public StoredVersions(DynamoDbClient client, BoundedRetry retry, String versionAttribute, int maxInFlight) {
        this.client = client;
        this.retry = retry;
        this.versionAttribute = versionAttribute;
        this.threads = new WriterThreads(maxInFlight);
    }

    /**
     * The stored version per change (empty when the item does not exist), for changes to distinct items. The
     * chunks of 100 keys are read in parallel.
     */
    Map<PendingChange, Optional<String>> read(List<PendingChange> changes) {
        Map<String, List<PendingChange>> byTable = new LinkedHashMap<>();
        changes.forEach(change -> byTable.computeIfAbsent(change.table(), t -> new ArrayList<>()).add(change));
        List<Supplier<Map<PendingChange, Optional<String>>>> jobs = new ArrayList<>();
        byTable.forEach((table, tableChanges) -> {
            for (int from = 0; from < tableChanges.size(); from += KEYS_PER_REQUEST) {
                List<PendingChange> chunk = tableChanges.subList(from,
                        Math.min(from + KEYS_PER_REQUEST, tableChanges.size()));
                jobs.add(() -> {
                    Map<Map<String, AttributeValue>, String> found = readChunk(table, chunk);
                    Map<PendingChange, Optional<String>> versions = new HashMap<>();
                    chunk.forEach(change -> versions.put(change, Optional.ofNullable(found.get(change.event().key()))));
                    return versions;
                });
            }
        });
        Map<PendingChange, Optional<String>> versions = new HashMap<>();
        threads.runAll(jobs).forEach(versions::putAll);
        return versions;
    }

    private Map<Map<String, AttributeValue>, String> readChunk(String table, List<PendingChange> chunk) {
        List<String> keyNames = List.copyOf(chunk.get(0).event().key().keySet());
        Map<String, String> names = new LinkedHashMap<>();
        List<String> projected = new ArrayList<>();
        for (int i = 0; i < keyNames.size(); i++) {
            names.put("#k" + i, keyNames.get(i));
            projected.add("#k" + i);
        }
        names.put("#v", versionAttribute);
        projected.add("#v");
        KeysAndAttributes request = KeysAndAttributes.builder()
                .keys(chunk.stream().map(change -> change.event().key()).toList())
                .projectionExpression(String.join(", ", projected))
                .expressionAttributeNames(names)
                .consistentRead(true)
                .build();
        Map<Map<String, AttributeValue>, String> found = new HashMap<>();
        AtomicReference<Map<String, KeysAndAttributes>> pending = new AtomicReference<>(Map.of(table, request));
        retry.run(() -> {
            var response = client.batchGetItem(b -> b.requestItems(pending.get()));
            response.responses().getOrDefault(table, List.of()).forEach(item -> {
                AttributeValue version = item.get(versionAttribute);
                Map<String, AttributeValue> key = new HashMap<>();
                keyNames.forEach(name -> key.put(name, item.get(name)));
                found.put(key, version == null ? null : version.s());
            });
            Map<String, KeysAndAttributes> unprocessed = response.unprocessedKeys();
            if (unprocessed != null && !unprocessed.isEmpty()) {
                pending.set(unprocessed);
                throw new UnprocessedItemsException(table, unprocessed.values().stream()
                        .mapToInt(keys -> keys.keys().size()).sum());
            }
            return Boolean.TRUE;
        });
        return found;
    }

    /** Stops the reading threads. */
    void close() {
        threads.close();
    }
}
