package dev.shardbridge.source.metrics;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.utils.MockTime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A metrics registry set up the way a Connect worker's is (ConnectMetrics in connect-runtime 4.3.1): one
 * {@link Metrics} per worker with a JMX reporter under the {@code kafka.connect} prefix, and per task a
 * {@link PluginMetricsImpl} tagged {@code connector} and {@code task}. Time is mocked so rates are exact.
 */
final class WorkerMetrics implements AutoCloseable {

    final MockTime time = new MockTime();
    final Metrics metrics = new Metrics(new MetricConfig(), List.of(new JmxReporter()), time,
            new KafkaMetricsContext("kafka.connect"));

    PluginMetricsImpl task(String connector, int task) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("connector", connector);
        tags.put("task", String.valueOf(task));
        return new PluginMetricsImpl(metrics, tags);
    }

    /** The value of a plugin metric, or null when it is not registered. */
    Object value(String name, Map<String, String> tags) {
        var metric = metrics.metric(new MetricName(name, "plugins", "", tags));
        return metric == null ? null : metric.metricValue();
    }

    /** Every plugin metric registered, whoever registered it. */
    List<MetricName> pluginMetricNames() {
        return metrics.metrics().keySet().stream().filter(name -> name.group().equals("plugins")).toList();
    }

    @Override
    public void close() {
        metrics.close();
    }
}
