package dev.shardbridge.source.metrics;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * Everything one owner (a shard, or the task totals) added to the plugin metrics, so that it can all be taken
 * away again. Sensor names get an owner-unique prefix because the worker's metrics registry is shared by every
 * task on the worker: {@code Metrics.sensor(name)} hands back an existing sensor of the same name, and two
 * tasks would then count into each other's metrics.
 */
final class Registrations {

    private final PluginMetrics pluginMetrics;
    private final LinkedHashMap<String, String> tags;
    private final String sensorPrefix = "shardbridge-source-" + UUID.randomUUID() + ":";
    private final List<MetricName> metrics = new ArrayList<>();
    private final List<String> sensors = new ArrayList<>();

    Registrations(PluginMetrics pluginMetrics, LinkedHashMap<String, String> tags) {
        this.pluginMetrics = pluginMetrics;
        this.tags = tags;
    }

    MetricName name(String name, String description) {
        return pluginMetrics.metricName(name, description, new LinkedHashMap<>(tags));
    }

    Sensor sensor(String purpose) {
        String name = sensorPrefix + purpose;
        Sensor sensor = pluginMetrics.addSensor(name);
        sensors.add(name);
        return sensor;
    }

    void gauge(String name, String description, Measurable measurable) {
        MetricName metricName = name(name, description);
        pluginMetrics.addMetric(metricName, measurable);
        metrics.add(metricName);
    }

    /**
     * Removing a sensor removes the metrics it holds. An IllegalStateException means the runtime has closed
     * the plugin metrics already (a task stopped after its worker-side close), which removed everything.
     */
    void removeAll() {
        try {
            sensors.forEach(pluginMetrics::removeSensor);
            metrics.forEach(pluginMetrics::removeMetric);
        } catch (IllegalStateException alreadyClosed) {
            // nothing left to remove
        } finally {
            sensors.clear();
            metrics.clear();
        }
    }
}
