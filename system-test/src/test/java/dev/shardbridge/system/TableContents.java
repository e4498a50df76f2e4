package dev.shardbridge.system;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A table's items as the replica comparison needs them: per key (the key attributes' values in attribute-name
 * order, joined by '/'), a digest of the item's attributes, so that a million 1 KB items fit in a test heap. Read
 * with a consistent parallel Scan. A replica is read as its readers see it: tombstones are absent and the hidden
 * {@code _shardbridge_} attributes are left out.
 */
public final class TableContents {

    static final String HIDDEN_PREFIX = "_shardbridge_";
    static final String TOMBSTONE = "_shardbridge_deleted";
    private static final int SCAN_SEGMENTS = 4;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final List<String> keyNames;
    private final Map<String, String> digests;

    private TableContents(DynamoDbClient dynamoDb, String table, List<String> keyNames, Map<String, String> digests) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.keyNames = keyNames;
        this.digests = digests;
    }

    /** Every item of {@code table}; as a replica's readers see it when {@code replica}; empty if there is no table. */
    public static TableContents read(DynamoDbClient dynamoDb, String table, boolean replica) {
        Map<String, String> digests = new ConcurrentHashMap<>();
        List<String> keyNames;
        try {
            keyNames = keyNames(dynamoDb, table);
        } catch (ResourceNotFoundException e) {
            return new TableContents(dynamoDb, table, List.of(), Map.of());
        }
        parallelScan(dynamoDb, table, SCAN_SEGMENTS, segment -> item -> {
            if (!replica || !item.containsKey(TOMBSTONE)) {
                digests.put(keyText(item, keyNames), digest(visible(item)));
            }
        });
        return new TableContents(dynamoDb, table, keyNames, digests);
    }

    /** The items a replica's readers see (tombstones aside), counted by the store; -1 while there is no table. */
    public static long visibleCount(DynamoDbClient dynamoDb, String table) {
        try {
            long count = 0;
            for (ScanResponse page : dynamoDb.scanPaginator(request -> request.tableName(table)
                    .select(Select.COUNT).consistentRead(true).filterExpression("attribute_not_exists(#d)")
                    .expressionAttributeNames(Map.of("#d", TOMBSTONE)))) {
                count += page.count();
            }
            return count;
        } catch (ResourceNotFoundException e) {
            return -1;
        }
    }

    /**
     * The keys of each segment of a parallel Scan with {@code segments} TotalSegments, each in the order that
     * segment's Scan returns them. Which segment holds a key depends only on the key and the segment count.
     */
    public static List<List<String>> segmentKeys(DynamoDbClient dynamoDb, String table, int segments) {
        List<String> keyNames = keyNames(dynamoDb, table);
        List<List<String>> keys = new ArrayList<>();
        IntStream.range(0, segments).forEach(segment -> keys.add(new ArrayList<>()));
        parallelScan(dynamoDb, table, segments, segment -> item -> keys.get(segment).add(keyText(item, keyNames)));
        return keys;
    }

    /** The key text of a DynamoDB key or item: the key attributes' values in name order, joined by '/'. */
    public static String keyText(Map<String, AttributeValue> item, List<String> keyNames) {
        StringBuilder text = new StringBuilder();
        for (String name : keyNames) {
            AttributeValue value = item.get(name);
            text.append(text.length() == 0 ? "" : "/").append(value.s() != null ? value.s()
                    : value.n() != null ? value.n() : Base64.getEncoder().encodeToString(value.b().asByteArray()));
        }
        return text.toString();
    }

    public int size() {
        return digests.size();
    }

    /** Whether the table holds {@code key}. */
    public boolean contains(String key) {
        return digests.containsKey(key);
    }

    /**
     * How {@code replica} differs from this table: a summary line and at most {@code most} examples (keys missing
     * from the replica, keys only in the replica, items whose attributes differ, shown as both stores hold them).
     * Empty when both hold the same items with the same attributes.
     */
    public List<String> differences(TableContents replica, int most) {
        List<String> missing = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        digests.forEach((key, digest) -> {
            String other = replica.digests.get(key);
            if (other == null) {
                missing.add(key);
            } else if (!other.equals(digest)) {
                differing.add(key);
            }
        });
        List<String> extra = replica.digests.keySet().stream().filter(key -> !digests.containsKey(key)).toList();
        if (missing.isEmpty() && differing.isEmpty() && extra.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%s has %d items, %s %d: %d missing there, %d only there, %d differ", table, size(),
                replica.table, replica.size(), missing.size(), extra.size(), differing.size()));
        missing.stream().sorted().limit(most).forEach(key -> lines.add("missing: " + key + " " + item(key)));
        extra.stream().sorted().limit(most).forEach(key -> lines.add("only in replica: " + key + " "
                + replica.item(key)));
        differing.stream().sorted().limit(most).forEach(key -> lines.add("differs: " + key + " source " + item(key)
                + " replica " + replica.item(key)));
        return lines;
    }

    /** The item of {@code keyText} as the table holds it now, for a difference's description. */
    private Map<String, AttributeValue> item(String keyText) {
        String[] values = keyText.split("/", -1);
        Map<String, String> types = new HashMap<>();
        dynamoDb.describeTable(request -> request.tableName(table)).table().attributeDefinitions()
                .forEach(definition -> types.put(definition.attributeName(), definition.attributeTypeAsString()));
        Map<String, AttributeValue> key = new HashMap<>();
        for (int i = 0; i < keyNames.size(); i++) {
            String name = keyNames.get(i);
            key.put(name, switch (types.get(name)) {
                case "N" -> AttributeValue.fromN(values[i]);
                case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(values[i])));
                default -> AttributeValue.fromS(values[i]);
            });
        }
        return dynamoDb.getItem(request -> request.tableName(table).key(key).consistentRead(true)).item();
    }

    private static List<String> keyNames(DynamoDbClient dynamoDb, String table) {
        return dynamoDb.describeTable(request -> request.tableName(table)).table().keySchema().stream()
                .map(KeySchemaElement::attributeName).sorted().toList();
    }

    /** Scans every segment on a thread of its own; {@code visitor.apply(segment)} sees that segment's items in order. */
    private static void parallelScan(DynamoDbClient dynamoDb, String table, int segments,
                                     IntFunction<Consumer<Map<String, AttributeValue>>> visitor) {
        ExecutorService scanners = Executors.newFixedThreadPool(segments);
        try {
            List<Future<?>> scans = new ArrayList<>();
            for (int segment = 0; segment < segments; segment++) {
                Consumer<Map<String, AttributeValue>> items = visitor.apply(segment);
                ScanRequest request = ScanRequest.builder().tableName(table).consistentRead(true).segment(segment)
                        .totalSegments(segments).build();
                scans.add(scanners.submit(() -> dynamoDb.scanPaginator(request).items().forEach(items)));
            }
            for (Future<?> scan : scans) {
                scan.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while scanning " + table, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Scanning " + table + " failed", e.getCause());
        } finally {
            scanners.shutdownNow();
        }
    }

    private static Map<String, AttributeValue> visible(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> data = new TreeMap<>(item);
        data.keySet().removeIf(name -> name.startsWith(HIDDEN_PREFIX));
        return data;
    }

    private static String digest(Map<String, AttributeValue> sorted) {
        try {
            byte[] hash = MessageDigest.getInstance("MD5").digest(sorted.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
