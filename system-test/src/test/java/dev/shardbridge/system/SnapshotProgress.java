package dev.shardbridge.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A source connector's snapshot as users can see it: the committed offsets of its scan segments (partition
 * {@code {table, snapshot_segment}}, offset {@code {epoch, segments, last_key, done}}) through the worker's
 * offsets API, and the per-table snapshot metrics its tasks publish over JMX (workers and tests share one JVM).
 */
public final class SnapshotProgress {

    /** One scan segment's committed offset; {@code lastKey} is the key text of the last row read, or null. */
    public record Segment(int segment, int segments, long epoch, boolean done, String lastKey) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotProgress() {
    }

    /** The snapshot segments of {@code table} with a committed offset, by segment number. */
    public static Map<Integer, Segment> segments(EmbeddedConnectCluster connect, String connector, String table) {
        Map<Integer, Segment> segments = new TreeMap<>();
        for (ConnectorOffset offset : connect.connectorOffsets(connector).offsets()) {
            Map<String, ?> partition = offset.partition();
            if (table.equals(partition.get("table")) && partition.get("snapshot_segment") != null) {
                int segment = ((Number) partition.get("snapshot_segment")).intValue();
                Map<String, ?> position = offset.offset();
                segments.put(segment, new Segment(segment, ((Number) position.get("segments")).intValue(),
                        ((Number) position.get("epoch")).longValue(), Boolean.TRUE.equals(position.get("done")),
                        keyText(position.get("last_key"))));
            }
        }
        return segments;
    }

    /** Whether every segment of the scan has committed {@code done}. */
    public static boolean allDone(Map<Integer, Segment> segments) {
        return !segments.isEmpty() && segments.size() == segments.values().iterator().next().segments()
                && segments.values().stream().allMatch(Segment::done);
    }

    /**
     * The sum over the connector's tasks of the snapshot metric {@code name} for {@code table}
     * ({@code kafka.connect:type=plugins,connector=..,task=..,table=..}); NaN while no task publishes it.
     */
    public static double metric(String connector, String table, String name) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        double sum = Double.NaN;
        try {
            for (ObjectName task : server.queryNames(new ObjectName("kafka.connect:type=plugins,connector="
                    + connector + ",task=*,table=" + table), null)) {
                Object value = server.getAttribute(task, name);
                if (value instanceof Number number && !Double.isNaN(number.doubleValue())) {
                    sum = (Double.isNaN(sum) ? 0 : sum) + number.doubleValue();
                }
            }
        } catch (JMException e) {
            return sum;
        }
        return sum;
    }

    /** The key text of {@code last_key}, DynamoDB JSON of the key as a map or as text. */
    private static String keyText(Object lastKey) {
        if (lastKey == null) {
            return null;
        }
        try {
            JsonNode key = lastKey instanceof String text ? JSON.readTree(text) : JSON.valueToTree(lastKey);
            Map<String, String> values = new TreeMap<>();
            key.fields().forEachRemaining(field -> field.getValue().fields().forEachRemaining(typed ->
                    values.put(field.getKey(), typed.getValue().asText())));
            return String.join("/", List.copyOf(values.values()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("last_key is not DynamoDB JSON: " + lastKey, e);
        }
    }
}
